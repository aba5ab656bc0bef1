import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCallsSlice } from './calls-slice';
import { createDevicesSlice } from './devices-slice';
import { createDialerSlice } from './dialer-slice';
import { createHistorySlice } from './history-slice';
import { createLinksSlice } from './links-slice';
import { createSetupSlice } from './setup-slice';
import { createSnapshotSlice } from './snapshot-slice';
import { createTeamLiveSlice } from './team-live-slice';
import { createTeamSlice } from './team-slice';
import type { RingdeskDeps, RingdeskState } from './types';
import { createUiSlice } from './ui-slice';

export type RingdeskStore = StoreApi<RingdeskState>;

/**
 * The renderer's one store, built from slices around its dependencies so
 * every test can build a fresh one with fakes (zustand's "slices pattern"
 * plus a factory instead of a module-level singleton).
 */
export function createRingdeskStore(deps: RingdeskDeps): RingdeskStore {
  const snapshot = createSnapshotSlice(deps);
  const setup = createSetupSlice(deps);
  const ui = createUiSlice();
  const calls = createCallsSlice(deps);
  const history = createHistorySlice(deps);
  const devices = createDevicesSlice(deps);
  const dialer = createDialerSlice();
  const team = createTeamSlice(deps);
  const teamLive = createTeamLiveSlice(deps);
  const links = createLinksSlice(deps);
  return createStore<RingdeskState>()((...a) => ({
    ...snapshot(...a),
    ...setup(...a),
    ...ui(...a),
    ...calls(...a),
    ...history(...a),
    ...devices(...a),
    ...dialer(...a),
    ...team(...a),
    ...teamLive(...a),
    ...links(...a),
    follow: () => {
      const get = a[1];
      const stops = [get().followCalls(), get().followHistory(), get().followDevices(), get().followTeam(), get().followLinks()];
      return () => stops.forEach((stop) => stop());
    },
  }));
}
