import type { StateCreator } from 'zustand/vanilla';
import type { HistoryEntry } from '../../common/schemas/history';
import { matchesHistoryView } from '../domain/history-format';
import type { HistorySlice, RingdeskDeps, RingdeskState } from './types';
import { ipcErrorText } from '../app/ipc-error-text';

/** Entries per page: enough to fill the window a few times, small enough to render at once. */
export const HISTORY_PAGE_SIZE = 100;

/**
 * The pages of the call history the agent has looked at. Main keeps the
 * whole history (100,000 calls and more); the renderer only ever holds and
 * renders what was queried, page by page. Answers to an older query (the
 * agent kept typing) are dropped.
 */
export function createHistorySlice({ desktop }: RingdeskDeps): StateCreator<RingdeskState, [], [], HistorySlice> {
  let generation = 0;

  return (set, get) => {
    const patch = (changes: Partial<HistorySlice['history']>) => set((s) => ({ history: { ...s.history, ...changes } }));

    return {
      history: { filter: 'all', search: '', entries: [], hasMore: false, status: 'idle', loadingMore: false, error: null },

      loadHistory: async (view = {}) => {
        const filter = view.filter ?? get().history.filter;
        const search = view.search ?? get().history.search;
        const mine = ++generation;
        patch({ filter, search, status: 'loading', loadingMore: false, error: null });
        const result = await desktop.history.query({ filter, search, limit: HISTORY_PAGE_SIZE });
        if (mine !== generation) return;
        if (result.ok) patch({ entries: result.value.entries, hasMore: result.value.hasMore, status: 'ready' });
        else patch({ status: 'failed', error: ipcErrorText(result.error) });
      },

      loadMoreHistory: async () => {
        const { filter, search, entries, hasMore, loadingMore, status } = get().history;
        const last = entries.at(-1);
        if (!hasMore || loadingMore || status !== 'ready' || !last) return;
        const mine = generation;
        patch({ loadingMore: true, error: null });
        const result = await desktop.history.query({
          filter,
          search,
          limit: HISTORY_PAGE_SIZE,
          before: { startedAt: last.startedAt, id: last.id },
        });
        if (mine !== generation) return;
        if (!result.ok) {
          patch({ loadingMore: false, error: ipcErrorText(result.error) });
          return;
        }
        const known = new Set(get().history.entries.map((e) => e.id));
        const added = result.value.entries.filter((e) => !known.has(e.id));
        patch({ entries: [...get().history.entries, ...added], hasMore: result.value.hasMore, loadingMore: false });
      },

      followHistory: () =>
        desktop.onHistoryAdded((entry) => {
          const { status, filter, search, entries, hasMore } = get().history;
          if (status !== 'ready' || !matchesHistoryView(entry, filter, search)) return;
          const next = insertNewest(entries, entry, hasMore);
          if (next !== entries) patch({ entries: next });
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
