import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HistoryEntry, HistoryPage } from '../../../common/schemas/history';
import type { HistoryAddOutcome, HistoryQueryParams, HistoryStore } from '../../ports/history-store';
import type { Logger } from '../../ports/logger';
import { appendToHistoryFile, readHistoryFile, removeRewriteLeftovers, rewriteHistoryFile, toLine } from './history-file';
import { HistoryIndex } from './history-index';
import { createSerialQueue } from '../../../common/serial-queue';

export const HISTORY_FILE_NAME = 'history.jsonl';
/** Calls kept: the newest 100,000 (years of an agent's calls); older ones are dropped. */
export const KEPT_ENTRIES = 100_000;
/** Lines the file may hold beyond the kept entries before it is rewritten (dropped, duplicate or damaged lines). */
export const REWRITE_SLACK = 10_000;

/** Calls written with one fsync at most, so a burst's write never stalls main's event loop for long either. */
const ENTRIES_PER_WRITE = 500;
/** Entries indexed between yields, so loading never stalls main's event loop for long. */
const ENTRIES_PER_TURN = 5_000;

export interface FileHistoryStoreOptions {
  /** The app's data folder; the history is `history.jsonl` in it. */
  dir: string;
  log: Logger;
  keep?: number;
  slack?: number;
}

/**
 * The call history in an append-only JSON-lines file with a sorted index
 * in memory. Why not electron-store: it rewrites one JSON file on every
 * change (megabytes per call at 100,000 entries). Why not SQLite: a native
 * module must be rebuilt for Electron's ABI, which our CI cannot do.
 *
 * - Loading starts on first use (or `load()`), reads the file
 *   asynchronously and yields while parsing, so start-up is not blocked;
 *   every method waits for it.
 * - Each call is one appended line, fsynced before `add` resolves; writes
 *   run one at a time, and calls added while one is under way share the
 *   next (one fsync for a burst).
 * - After a crash the last line may be cut short: it is skipped and logged.
 *   Unreadable lines elsewhere are skipped too; the rest is kept.
 * - When the file holds more than `slack` lines beyond the kept entries it
 *   is rewritten atomically with just the kept ones.
 */
export function createFileHistoryStore(options: FileHistoryStoreOptions): HistoryStore {
  const { log } = options;
  const file = path.join(options.dir, HISTORY_FILE_NAME);
  const slack = options.slack ?? REWRITE_SLACK;
  const index = new HistoryIndex(options.keep ?? KEPT_ENTRIES);
  /** Ids handed to `add` and not yet in the index. */
  const pending = new Set<string>();

  let loading: Promise<void> | null = null;
  /** Search keys and names, built after loading without holding it up. */
  let preparing: Promise<void> | null = null;
  const writes = createSerialQueue();
  let fileExists = false;
  let fileLines = 0;
  let needsNewline = false;
  /** False when the file could not be read: rewriting it would throw away what we could not see. */
  let mayRewrite = true;
  let rewriteAfterLines = 0;

  async function read(): Promise<void> {
    const started = Date.now();
    try {
      await removeRewriteLeftovers(file);
      const contents = await readHistoryFile(file);
      if (!contents) return;
      fileExists = true;
      fileLines = contents.lines;
      needsNewline = !contents.endsWithNewline;
      let duplicates = 0;
      for (let i = 0; i < contents.entries.length; i += ENTRIES_PER_TURN) {
        if (i > 0) await nextTurn();
        duplicates += index.addMany(contents.entries.slice(i, i + ENTRIES_PER_TURN));
      }
      if (contents.tornTail) log.warn('call history: the last line was cut short (Ringdesk stopped while saving a call) and was skipped');
      if (contents.corrupt > 0) log.warn(`call history: skipped ${contents.corrupt} unreadable line(s); the other calls are kept`);
      if (duplicates > 0) log.warn(`call history: skipped ${duplicates} repeated call(s)`);
      log.info(`call history: ${index.size} call(s) loaded in ${Date.now() - started} ms`);
    } catch (error) {
      mayRewrite = false;
      log.error(`call history could not be read (${errorCode(error)}); it starts empty for this session`);
    }
    if (wantsRewrite()) void writes.run(rewrite);
    preparing = prepare();
  }

  async function prepare(): Promise<void> {
    for (const _ of index.prepare(ENTRIES_PER_TURN)) await nextTurn();
  }

  function wantsRewrite(): boolean {
    return mayRewrite && fileLines - index.size > slack && fileLines > rewriteAfterLines;
  }

  async function rewrite(): Promise<void> {
    try {
      fileLines = await rewriteHistoryFile(file, index.entries());
      fileExists = true;
      needsNewline = false;
      log.info(`call history: file rewritten with the newest ${fileLines} call(s)`);
    } catch (error) {
      // Keep appending to the old file; try again after a while rather than on every call.
      rewriteAfterLines = fileLines + Math.ceil(slack / 10);
      log.error(`call history: could not rewrite the file (${errorCode(error)})`);
    }
  }

  /**
   * Entries waiting for the next write. A flood of calls ends many calls a
   * second: each waiting for its own fsync would build a backlog (and make
   * quitting wait for it), so everything handed in while a write is on its
   * way to disk goes in the next one, with one fsync. Each `add` still
   * resolves only once its own line is on disk.
   */
  let batch: { entries: HistoryEntry[]; written: Promise<HistoryAddOutcome> } | null = null;

  function enqueue(entry: HistoryEntry): Promise<HistoryAddOutcome> {
    if (!batch || batch.entries.length >= ENTRIES_PER_WRITE) {
      const next: { entries: HistoryEntry[]; written: Promise<HistoryAddOutcome> } = { entries: [], written: Promise.resolve('added') };
      next.written = writes.run(() => {
        // Closed as its write starts: entries from now on wait for the next one.
        if (batch === next) batch = null;
        return append(next.entries);
      });
      batch = next;
    }
    batch.entries.push(entry);
    return batch.written;
  }

  async function append(entries: HistoryEntry[]): Promise<HistoryAddOutcome> {
    let outcome: HistoryAddOutcome = 'added';
    try {
      await appendToHistoryFile(file, (needsNewline ? '\n' : '') + entries.map(toLine).join(''), { newFile: !fileExists });
      fileExists = true;
      needsNewline = false;
      fileLines += entries.length;
    } catch (error) {
      // A failed write may have left half a line: start the next one afresh.
      needsNewline = true;
      outcome = 'not-saved';
      log.error(`call history: could not save ${entries.length === 1 ? 'a call' : `${entries.length} calls`} (${errorCode(error)})`);
    }
    for (const entry of entries) {
      pending.delete(entry.id);
      index.add(entry);
    }
    if (outcome === 'added' && wantsRewrite()) await rewrite();
    return outcome;
  }

  const store: HistoryStore = {
    load: () => (loading ??= read()),
    async add(entry) {
      await store.load();
      if (index.has(entry.id) || pending.has(entry.id)) return 'duplicate';
      pending.add(entry.id);
      return enqueue(entry);
    },
    async query(query: HistoryQueryParams): Promise<HistoryPage> {
      await store.load();
      return index.query(query);
    },
    async lookupName(user) {
      await store.load();
      await preparing;
      return index.lookupName(user);
    },
    async flush() {
      await store.load();
      await writes.idle();
    },
  };
  return store;
}

/** The error's code only: messages can carry paths with the user's name. */
function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error as Error)?.name ?? 'unknown error';
}
