import fs from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { historyEntrySchema, type HistoryEntry } from '../../../common/schemas/history';
import { replaceFileAtomically, syncDirectory } from '../file-durability';

/**
 * The history on disk: JSON lines, one finished call per line, only ever
 * appended to (and now and then rewritten whole, atomically, to drop what
 * is no longer kept). An append is one write followed by fsync, so a crash
 * can at worst leave the last line half written.
 */
export interface HistoryFileContents {
  /** Readable entries in file order. */
  entries: HistoryEntry[];
  /** Non-empty lines in the file, readable or not. */
  lines: number;
  /** Unreadable lines before the last one (damage, or a format from a newer Ringdesk). */
  corrupt: number;
  /** The last line was cut short: a crash while it was being written. */
  tornTail: boolean;
  /** False when the file does not end in a newline: the next append must start a new line. */
  endsWithNewline: boolean;
}

/**
 * The file is the agent's calls (names, numbers, times): readable and
 * writable by the agent only. Applies when a file is created (the first
 * append, each rewrite); Windows ignores it (the profile folder's ACL
 * protects the file there).
 */
export const HISTORY_FILE_MODE = 0o600;

/** Bytes decoded and parsed between yields, so a long load never stalls main's event loop for long. */
const BYTES_PER_TURN = 512 * 1024;
const NEWLINE = 0x0a;

/** Reads and checks every line; null when there is no file yet. */
export async function readHistoryFile(file: string): Promise<HistoryFileContents | null> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const endsWithNewline = data.length === 0 || data[data.length - 1] === NEWLINE;
  const result: HistoryFileContents = { entries: [], lines: 0, corrupt: 0, tornTail: false, endsWithNewline };
  // Slices end on a newline, so no line is ever split between two of them.
  for (let start = 0; start < data.length; ) {
    let end = Math.min(start + BYTES_PER_TURN, data.length);
    if (end < data.length) {
      const newline = data.lastIndexOf(NEWLINE, end - 1);
      end = newline >= start ? newline + 1 : data.length;
    }
    const lines = data.toString('utf8', start, end).split('\n');
    if (lines.at(-1) === '') lines.pop();
    const last = end === data.length;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '') continue;
      result.lines++;
      const entry = parseLine(line);
      if (entry) result.entries.push(entry);
      else if (last && i === lines.length - 1 && !endsWithNewline) result.tornTail = true;
      else result.corrupt++;
    }
    start = end;
    if (!last) await nextTurn();
  }
  return result;
}

function parseLine(line: string): HistoryEntry | null {
  try {
    const parsed = historyEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function toLine(entry: HistoryEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/**
 * Appends lines and waits until they are on disk. `newFile`: the file may
 * not exist yet, so its directory entry is synced too.
 */
export async function appendToHistoryFile(file: string, text: string, options: { newFile: boolean }): Promise<void> {
  if (options.newFile) await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, 'a', HISTORY_FILE_MODE);
  try {
    await handle.appendFile(text, 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
  if (options.newFile) await syncDirectory(path.dirname(file));
}

/**
 * Replaces the file with exactly these entries, atomically: write a
 * temporary file, fsync it, rename it over the old one, fsync the folder.
 * A crash at any point leaves either the old file or the new one.
 */
export async function rewriteHistoryFile(file: string, entries: Iterable<HistoryEntry>): Promise<number> {
  let count = 0;
  await replaceFileAtomically(file, rewriteTempOf(file), HISTORY_FILE_MODE, async (handle) => {
    let chunk: string[] = [];
    for (const entry of entries) {
      chunk.push(toLine(entry));
      count++;
      if (chunk.length === 2_000) {
        await handle.writeFile(chunk.join(''), 'utf8');
        chunk = [];
      }
    }
    if (chunk.length) await handle.writeFile(chunk.join(''), 'utf8');
  });
  return count;
}

/** Removes what a crash during a rewrite may have left behind (the old file is still whole). */
export async function removeRewriteLeftovers(file: string): Promise<void> {
  await fs.rm(rewriteTempOf(file), { force: true }).catch(() => undefined);
}

/** The one temporary file a rewrite uses, beside the history file. */
function rewriteTempOf(file: string): string {
  return `${file}.tmp`;
}
