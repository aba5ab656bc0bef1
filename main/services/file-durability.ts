import fs from 'node:fs/promises';
import path from 'node:path';

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

/**
 * Replaces `file` atomically: `write` fills a fresh temporary file (created
 * with `mode`, so it is removed first — the mode applies only to a file being
 * created), which is fsynced, renamed over the old one, and the folder
 * fsynced. A crash at any point leaves either the old file or the new one;
 * a failed write leaves the old file and no temporary one.
 */
export async function replaceFileAtomically(file: string, temp: string, mode: number, write: (handle: fs.FileHandle) => Promise<void>): Promise<void> {
  await fs.rm(temp, { force: true });
  const handle = await fs.open(temp, 'w', mode);
  try {
    await write(handle);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await fs.rename(temp, file);
  await syncDirectory(path.dirname(file));
}
