import type { z } from 'zod';
import type { HistoryEntry, HistoryPage, historyQuerySchema } from '../../common/schemas/history';

/** A history query after validation (defaults filled in). */
export type HistoryQueryParams = z.output<typeof historyQuerySchema>;

/** What became of an entry handed to `add`. */
export type HistoryAddOutcome =
  /** Written to disk and queryable. */
  | 'added'
  /** An entry with this call id exists already; nothing changed. */
  | 'duplicate'
  /** Queryable for this session, but the disk refused it (logged); it will be gone after a restart. */
  | 'not-saved';

/**
 * The call history. Async throughout so that a server-backed history (the
 * team workspace) can replace the local file without touching callers.
 * Methods never reject: storage problems are logged and reported in the
 * outcome.
 */
export interface HistoryStore {
  /** Starts loading, once; resolves when queries can be answered. Other methods wait for it themselves. */
  load(): Promise<void>;
  /** Records one finished call, at most once per call id. */
  add(entry: HistoryEntry): Promise<HistoryAddOutcome>;
  /** A page of entries, newest first. */
  query(query: HistoryQueryParams): Promise<HistoryPage>;
  /** The most recent non-empty display name seen for this number or user, if any. */
  lookupName(user: string): Promise<string | null>;
  /** Waits for pending writes; later calls still work. */
  flush(): Promise<void>;
}
