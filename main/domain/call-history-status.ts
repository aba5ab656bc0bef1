import { LATEST_CALL_TIME_MS, type CallSnapshot } from '../../common/schemas/call';
import type { HistoryEntry, HistoryStatus } from '../../common/schemas/history';

/**
 * How a finished call is remembered in the history, from its last snapshot.
 *
 * ```
 *  direction  answered?  end reason (by)                        → status
 *  ─────────  ─────────  ─────────────────────────────────────    ──────────────────
 *  any        any        transferred (or transfer accepted)     → transferred
 *  inbound    yes        anything else                          → answered
 *  inbound    no         answered-elsewhere                     → answered-elsewhere
 *  inbound    no         declined / busy (local: the agent)     → declined
 *  inbound    no         not-found / unavailable / network /    → failed
 *                        failed
 *  inbound    no         cancelled / no-answer / hangup / …     → missed
 *  outbound   yes        anything else                          → answered
 *  outbound   no         cancelled / hangup (the agent gave up) → cancelled
 *  outbound   no         busy                                   → busy
 *  outbound   no         declined (by the callee)               → declined
 *  outbound   no         no-answer                              → no-answer
 *  outbound   no         answered-elsewhere                     → answered-elsewhere
 *  outbound   no         not-found (404/484/604)                → not-found
 *  outbound   no         unavailable (480/410/503)              → unavailable
 *  outbound   no         network / microphone / failed /        → failed
 *                        no end reason
 * ```
 *
 * 'forwarded' and 'voicemail' need signals the engine does not report yet
 * (a 181/302, a voicemail header); nothing maps to them today.
 */
export function callHistoryStatus(call: Pick<CallSnapshot, 'direction' | 'answeredAt' | 'end' | 'transfer'>): HistoryStatus {
  const reason = call.end?.reason;
  if (reason === 'transferred' || call.transfer?.status === 'accepted') return 'transferred';
  if (call.answeredAt !== null) return 'answered';
  return call.direction === 'inbound' ? unansweredInbound(call) : unansweredOutbound(reason);
}

function unansweredInbound(call: Pick<CallSnapshot, 'end'>): HistoryStatus {
  const reason = call.end?.reason;
  if (reason === 'answered-elsewhere') return 'answered-elsewhere';
  // The agent turned it down (603, or 486 from Decline-as-busy / Do Not Disturb).
  if ((reason === 'declined' || reason === 'busy') && call.end?.by === 'local') return 'declined';
  if (reason === 'not-found' || reason === 'unavailable' || reason === 'network' || reason === 'microphone' || reason === 'failed') return 'failed';
  // The caller gave up, or nobody picked up in time: the agent missed it.
  return 'missed';
}

function unansweredOutbound(reason: NonNullable<CallSnapshot['end']>['reason'] | undefined): HistoryStatus {
  switch (reason) {
    case 'cancelled':
    case 'hangup':
      return 'cancelled';
    case 'busy':
      return 'busy';
    case 'declined':
      return 'declined';
    case 'no-answer':
      return 'no-answer';
    case 'answered-elsewhere':
      return 'answered-elsewhere';
    case 'not-found':
      return 'not-found';
    case 'unavailable':
      return 'unavailable';
    default:
      return 'failed';
  }
}

/** Talk time in whole seconds, rounded down; 0 when the call was never answered. */
export function talkSeconds(answeredAt: number | null, endedAt: number): number {
  if (answeredAt === null) return 0;
  return Math.max(0, Math.floor((endedAt - answeredAt) / 1000));
}

/**
 * The history entry for an ended call. `now` stands in for a missing
 * `endedAt` (an engine that reported 'ended' without a time, or a call main
 * ended itself when the window crashed); it is kept within the call's
 * times (not before its answer or start, not past LATEST_CALL_TIME_MS), so
 * the entry reads back after a restart whatever main's clock says.
 */
export function historyEntryFromCall(call: CallSnapshot, now: number): HistoryEntry {
  const endedAt = Math.min(LATEST_CALL_TIME_MS, Math.max(call.endedAt ?? now, call.answeredAt ?? call.startedAt));
  return {
    id: call.id,
    direction: call.direction,
    status: callHistoryStatus(call),
    peer: { uri: call.peer.uri, user: call.peer.user, displayName: call.peer.displayName },
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    endedAt,
    durationSec: talkSeconds(call.answeredAt, endedAt),
  };
}
