import type { HistoryEntry, HistoryFilter, HistoryPage } from '../../../common/schemas/history';
import type { HistoryQueryParams } from '../../ports/history-store';
import { searchKeyOf, searchMatcher, userKey } from './history-search';

interface Row {
  entry: HistoryEntry;
  /** Lowercase search text (see searchKeyOf), computed on first need. */
  key?: string;
}

type Position = Pick<HistoryEntry, 'startedAt' | 'id'>;

/** History order: by start time, ties broken by call id so the cursor is exact. */
function compare(a: Position, b: Position): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const FILTERS: Record<HistoryFilter, ((e: HistoryEntry) => boolean) | null> = {
  all: null,
  missed: (e) => e.status === 'missed',
  inbound: (e) => e.direction === 'inbound',
  outbound: (e) => e.direction === 'outbound',
};

/**
 * The history in memory: rows kept oldest → newest (appending the newest
 * call is a push), read backwards for newest-first pages. Holds at most
 * `capacity` entries; the oldest fall off. Plain data, no I/O.
 *
 * Search keys and the name book are not built while loading (they cost
 * a fifth of it): `prepare()` builds them afterwards in slices, and
 * anything that needs them sooner builds what it needs on the spot.
 */
export class HistoryIndex {
  private rows: Row[] = [];
  private readonly ids = new Set<string>();
  private readonly names = new Map<string, { name: string; at: number }>();
  private prepared = false;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.rows.length;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Adds many entries (a loaded file) and sorts once. Returns how many were duplicates and skipped. */
  addMany(entries: Iterable<HistoryEntry>): number {
    let duplicates = 0;
    let sorted = true;
    for (const entry of entries) {
      if (this.ids.has(entry.id)) {
        duplicates++;
        continue;
      }
      const last = this.rows.at(-1);
      if (last && compare(last.entry, entry) > 0) sorted = false;
      this.rows.push({ entry });
      this.ids.add(entry.id);
    }
    this.prepared = false;
    if (!sorted) this.rows.sort((a, b) => compare(a.entry, b.entry));
    this.trim();
    return duplicates;
  }

  /** Adds one entry in order; false when its call id is already present. */
  add(entry: HistoryEntry): boolean {
    if (this.ids.has(entry.id)) return false;
    const row = { entry, key: searchKeyOf(entry) };
    const last = this.rows.at(-1);
    if (!last || compare(last.entry, entry) <= 0) this.rows.push(row);
    else this.rows.splice(this.firstAtOrAfter(entry), 0, row);
    this.ids.add(entry.id);
    this.rememberName(entry);
    this.trim();
    return true;
  }

  query(query: HistoryQueryParams): HistoryPage {
    const keep = FILTERS[query.filter];
    const matches = searchMatcher(query.search);
    const entries: HistoryEntry[] = [];
    let i = (query.before ? this.firstAtOrAfter(query.before) : this.rows.length) - 1;
    for (; i >= 0; i--) {
      const row = this.rows[i]!;
      if (keep && !keep(row.entry)) continue;
      if (matches && !matches((row.key ??= searchKeyOf(row.entry)))) continue;
      if (entries.length === query.limit) return { entries, hasMore: true };
      entries.push(row.entry);
    }
    return { entries, hasMore: false };
  }

  lookupName(user: string): string | null {
    if (!this.prepared) for (const _ of this.prepare()) continue;
    const key = userKey(user);
    return key === '' ? null : (this.names.get(key)?.name ?? null);
  }

  /** Builds search keys and the name book, pausing (yield) every `slice` rows so the caller can give way. */
  *prepare(slice = 5_000): Generator<void> {
    const rows = this.rows.slice();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      row.key ??= searchKeyOf(row.entry);
      this.rememberName(row.entry);
      if (i % slice === slice - 1) yield;
    }
    this.prepared = true;
  }

  /** Every entry, oldest first (for rewriting the file). */
  *entries(): Generator<HistoryEntry> {
    for (const row of this.rows) yield row.entry;
  }

  /** Index of the first row not older than `pos` (binary search). */
  private firstAtOrAfter(pos: Position): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.rows[mid]!.entry, pos) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private rememberName(entry: HistoryEntry): void {
    const name = entry.peer.displayName?.trim();
    if (!name) return;
    const key = userKey(entry.peer.user);
    if (key === '') return;
    const known = this.names.get(key);
    if (!known || known.at <= entry.startedAt) this.names.set(key, { name, at: entry.startedAt });
  }

  private trim(): void {
    const excess = this.rows.length - this.capacity;
    if (excess <= 0) return;
    for (const row of this.rows.splice(0, excess)) this.ids.delete(row.entry.id);
  }
}
