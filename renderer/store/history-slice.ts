import type { StateCreator } from 'zustand/vanilla';
import type { HistoryEntry } from '../../common/schemas/history';
import { matchesHistoryView } from '../domain/history-format';
import type { HistorySlice, RingdeskDeps, RingdeskState } from './types';
import { ipcErrorText } from '../app/ipc-error-text';

/** Entries per page: enough to fill the window a few times, small enough to render at once. */
export const HISTORY_PAGE_SIZE = 100;
/**
 * The most entries the renderer holds at once: the pages around where the
 * agent has scrolled. Scrolling further lets the far end go and fetches it
 * again from main when the agent comes back.
 */
export const HISTORY_HELD_LIMIT = 3 * HISTORY_PAGE_SIZE;
/** The largest page main answers (historyQuerySchema's limit). */
const LARGEST_QUERY = 500;

type Cursor = Pick<HistoryEntry, 'startedAt' | 'id'>;
/** Entries let go from the top of the window: `limit` entries before `before` (none: from the newest) fetch them again. */
interface DroppedBlock {
  before: Cursor | undefined;
  limit: number;
}

/** Nothing held: the History view is closed. */
function empty(): Omit<HistorySlice['history'], 'filter' | 'search'> {
  return { entries: [], hasMore: false, hasNewer: false, status: 'idle', loadingMore: false, loadingNewer: false, error: null };
}
const cursorOf = (entry: HistoryEntry): Cursor => ({ startedAt: entry.startedAt, id: entry.id });

/**
 * A window onto the call history, newest first. Main keeps the whole
 * history (100,000 calls and more); the renderer holds at most
 * HISTORY_HELD_LIMIT entries of it, only while the History view is open:
 * the first page when it opens, older pages as the agent scrolls down
 * (letting the newest go), newer ones again as the agent scrolls back up.
 * Calls recorded during the session go on top without growing the window
 * past its size. Answers to an older query (the agent kept typing) are
 * dropped.
 */
export function createHistorySlice({ desktop }: RingdeskDeps): StateCreator<RingdeskState, [], [], HistorySlice> {
  let generation = 0;
  /** How to fetch what the window let go from its top, most recent drop last. */
  let dropped: DroppedBlock[] = [];
  /** The entry just above the window's first one, once the top was let go. */
  let aboveHead: Cursor | undefined;

  return (set, get) => {
    const patch = (changes: Partial<HistorySlice['history']>) => set((s) => ({ history: { ...s.history, ...changes } }));

    /** Replaces the window with the newest `limit` entries for the current filter and search. */
    const loadTop = async (limit: number) => {
      const { filter, search } = get().history;
      const mine = ++generation;
      patch({ status: 'loading', loadingMore: false, loadingNewer: false, error: null });
      const result = await desktop.history.query({ filter, search, limit });
      if (mine !== generation) return;
      dropped = [];
      aboveHead = undefined;
      if (result.ok) patch({ entries: result.value.entries, hasMore: result.value.hasMore, hasNewer: false, status: 'ready' });
      else patch({ status: 'failed', error: ipcErrorText(result.error) });
    };

    return {
      history: { filter: 'all', search: '', ...empty() },

      loadHistory: async (view = {}) => {
        patch({ filter: view.filter ?? get().history.filter, search: view.search ?? get().history.search });
        await loadTop(HISTORY_PAGE_SIZE);
      },

      releaseHistory: () => {
        generation++;
        dropped = [];
        aboveHead = undefined;
        patch(empty());
      },

      loadMoreHistory: async () => {
        const { filter, search, entries, hasMore, loadingMore, loadingNewer, status } = get().history;
        const last = entries.at(-1);
        if (!hasMore || loadingMore || loadingNewer || status !== 'ready' || !last) return;
        const mine = generation;
        patch({ loadingMore: true, error: null });
        const result = await desktop.history.query({ filter, search, limit: HISTORY_PAGE_SIZE, before: cursorOf(last) });
        if (mine !== generation) return;
        if (!result.ok) {
          patch({ loadingMore: false, error: ipcErrorText(result.error) });
          return;
        }
        const held = get().history;
        const known = new Set(held.entries.map((e) => e.id));
        const all = [...held.entries, ...result.value.entries.filter((e) => !known.has(e.id))];
        const excess = all.length - HISTORY_HELD_LIMIT;
        if (excess > 0) {
          // Remember how to fetch the top again: the entries before the one just above it.
          dropped.push({ before: aboveHead, limit: excess });
          aboveHead = cursorOf(all[excess - 1]!);
        }
        patch({
          entries: excess > 0 ? all.slice(excess) : all,
          hasMore: result.value.hasMore,
          hasNewer: held.hasNewer || excess > 0,
          loadingMore: false,
        });
      },

      loadNewerHistory: async () => {
        const { filter, search, hasNewer, loadingMore, loadingNewer, status } = get().history;
        const block = dropped.at(-1);
        if (!hasNewer || loadingMore || loadingNewer || status !== 'ready' || !block) return;
        // Back at the top: start again from the newest, which also shows calls made meanwhile.
        if (!block.before) return loadTop(Math.min(LARGEST_QUERY, block.limit + HISTORY_PAGE_SIZE));
        const mine = generation;
        patch({ loadingNewer: true, error: null });
        const result = await desktop.history.query({ filter, search, limit: block.limit, before: block.before });
        if (mine !== generation) return;
        if (!result.ok) {
          patch({ loadingNewer: false, error: ipcErrorText(result.error) });
          return;
        }
        dropped.pop();
        aboveHead = block.before;
        const held = get().history;
        const known = new Set(held.entries.map((e) => e.id));
        const all = [...result.value.entries.filter((e) => !known.has(e.id)), ...held.entries];
        const kept = all.slice(0, HISTORY_HELD_LIMIT);
        patch({
          entries: kept,
          hasMore: held.hasMore || kept.length < all.length,
          hasNewer: true,
          loadingNewer: false,
        });
      },

      followHistory: () =>
        desktop.onHistoryAdded((entry) => {
          const { status, filter, search, entries, hasMore, hasNewer } = get().history;
          // Scrolled away from the top, the call is fetched with the top when the agent comes back.
          if (status !== 'ready' || hasNewer || !matchesHistoryView(entry, filter, search)) return;
          const next = insertNewest(entries, entry, hasMore);
          if (next === entries) return;
          // A session's calls do not grow the window: the oldest goes (and can be fetched again).
          const size = Math.max(HISTORY_PAGE_SIZE, entries.length);
          if (next.length > size) patch({ entries: next.slice(0, size), hasMore: true });
          else patch({ entries: next });
        }),

      findRecentCalls: async (search, limit) => {
        const result = await desktop.history.query({ search, limit });
        return result.ok ? result.value.entries : [];
      },
    };
  };
}

/**
 * The list with `entry` in its place (newest first), replacing an older
 * copy of it. An entry older than everything loaded belongs to a page not
 * loaded yet (when there are more), so the list stays as it is.
 */
function insertNewest(entries: HistoryEntry[], entry: HistoryEntry, hasMore: boolean): HistoryEntry[] {
  const rest = entries.filter((e) => e.id !== entry.id);
  const index = rest.findIndex((e) => e.startedAt < entry.startedAt);
  if (index < 0) return hasMore ? entries : [...rest, entry];
  return [...rest.slice(0, index), entry, ...rest.slice(index)];
}
