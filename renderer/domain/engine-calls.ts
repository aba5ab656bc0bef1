import type { CallSnapshot } from '../../common/schemas/call';
import { sameCallState } from './call-juggling';

/**
 * What a new list of calls from the engine changes, against the calls known
 * so far. Pure: the call relay (renderer/app/call-relay.ts) is its only user.
 *
 * - a call seen for the first time, or whose state changed, is a change;
 * - an ended call is final: later snapshots of it change nothing;
 * - a live call the engine dropped without ending it is ended here, by the
 *   system ("Call failed"), so nothing downstream keeps a call that no
 *   longer exists. This is the one place that decides so.
 */
export function reconcileEngineCalls(known: readonly CallSnapshot[], incoming: readonly CallSnapshot[], now: number): { calls: CallSnapshot[]; changed: CallSnapshot[] } {
  const fresh = new Map(incoming.map((c) => [c.id, c]));
  const knownIds = new Set(known.map((c) => c.id));
  const changed: CallSnapshot[] = [];
  const calls: CallSnapshot[] = [];
  for (const old of known) {
    const next = fresh.get(old.id);
    if (old.state === 'ended') calls.push(old);
    else if (!next) {
      const vanished = endedBySystem(old, now);
      changed.push(vanished);
      calls.push(vanished);
    } else if (sameCallState(old, next)) calls.push(old);
    else {
      changed.push(next);
      calls.push(next);
    }
  }
  for (const call of incoming) {
    if (knownIds.has(call.id)) continue;
    changed.push(call);
    calls.push(call);
  }
  return { calls, changed };
}

/** A call the engine dropped without ending it. Never before its own times, even if the clock stepped back. */
function endedBySystem(call: CallSnapshot, now: number): CallSnapshot {
  return { ...call, state: 'ended', endedAt: Math.max(now, call.answeredAt ?? call.startedAt), end: { reason: 'failed', by: 'system' } };
}
