import type { StateCreator } from 'zustand/vanilla';
import type { IpcResult } from '../../preload/contract';
import type { AppSnapshot } from '../../common/schemas/snapshot';
import type { RingdeskDeps, RingdeskState, SnapshotSlice } from './types';
import { LOCAL_NOTICE_PREFIX } from './ui-slice';
import { ipcErrorText } from '../app/ipc-error-text';

/**
 * Mirrors main's AppSnapshot. Main pushes a new snapshot on every change and
 * answers each request with the snapshot after it; both arrive over the same
 * ordered channel, so applying them in arrival order keeps the newest.
 */
export function createSnapshotSlice({ desktop }: RingdeskDeps): StateCreator<RingdeskState, [], [], SnapshotSlice> {
  let following = false;
  let loading: Promise<void> | null = null;

  return (set, get) => {
    /** Applies a snapshot answer, or turns a refusal into a notice the agent can read. */
    const settle = (result: IpcResult<AppSnapshot>) => {
      if (result.ok) get().applySnapshot(result.value);
      else get().reportProblem(ipcErrorText(result.error));
    };

    const fetchSnapshot = async () => {
      set((s) => ({ loadStatus: s.snapshot ? s.loadStatus : 'loading', loadError: null }));
      const result = await desktop.app.getSnapshot();
      if (result.ok) get().applySnapshot(result.value);
      // A push that arrived meanwhile is just as good as the answer we lost.
      else if (!get().snapshot) set({ loadStatus: 'failed', loadError: ipcErrorText(result.error) });
    };

    return {
      snapshot: null,
      loadStatus: 'idle',
      loadError: null,
      load: () => {
        if (!following) {
          following = true;
          desktop.onSnapshot((snapshot) => get().applySnapshot(snapshot));
        }
        loading ??= fetchSnapshot().finally(() => {
          loading = null;
        });
        return loading;
      },
      applySnapshot: (snapshot) => set({ snapshot, loadStatus: 'ready', loadError: null }),
      setPresence: async (presence) => settle(await desktop.presence.set(presence)),
      retryNow: async () => settle(await desktop.registration.retryNow()),
      dismissNotice: async (id) => {
        if (id.startsWith(LOCAL_NOTICE_PREFIX)) {
          set((s) => ({ ui: { ...s.ui, localNotices: s.ui.localNotices.filter((n) => n.id !== id) } }));
          return;
        }
        settle(await desktop.app.dismissNotice({ id }));
      },
      updatePreferences: async (patch) => {
        const result = await desktop.preferences.update(patch);
        settle(result);
        return result.ok;
      },
    };
  };
}
