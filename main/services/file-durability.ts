import fs from 'node:fs/promises';

/** Makes a rename or a new file durable. Windows cannot open folders: skipped there. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: not supported on every platform and filesystem.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
