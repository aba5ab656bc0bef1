import type { CallSnapshot } from '../../common/schemas/call';
import type { RingdeskApi } from '../../preload/contract';
import { reconcileEngineCalls } from '../domain/engine-calls';
import type { CallFeed } from '../store/types';
import type { Telephony } from '../telephony/telephony';

export interface CallRelay extends CallFeed {
  stop(): void;
}

/**
 * The one relay of calls from the engine to main, beside the engine bridge
 * that relays registration: every change is reported to main once, in order
 * (main's notifications and history depend on it, not on the screen), and
 * the same changes are handed to the store, which only mirrors them.
 */
export function startCallRelay({ desktop, telephony, now = Date.now }: { desktop: RingdeskApi; telephony: Telephony; now?: () => number }): CallRelay {
  const listeners = new Set<(changed: CallSnapshot[]) => void>();
  /** Calls the engine still lists, as last relayed (ended ones until the engine drops them). */
  let known: CallSnapshot[] = [];
  const stopEngine = telephony.onCallsChanged((incoming) => {
    const { calls, changed } = reconcileEngineCalls(known, incoming, now());
    const listed = new Set(incoming.map((c) => c.id));
    known = calls.filter((c) => c.state !== 'ended' || listed.has(c.id));
    if (changed.length === 0) return;
    for (const call of changed) report(desktop, call);
    for (const listener of [...listeners]) {
      try {
        listener(changed);
      } catch (error) {
        console.error('Ringdesk: a call listener failed', error);
      }
    }
  });
  return {
    onCallChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopEngine();
      listeners.clear();
    },
  };
}

function report(desktop: RingdeskApi, call: CallSnapshot): void {
  void desktop.calls.report(call).then((result) => {
    // Only the state: snapshots carry remote-controlled names.
    if (!result.ok) console.warn(`Ringdesk: main did not take the "${call.state}" call report: ${result.error.code}`);
  });
}
