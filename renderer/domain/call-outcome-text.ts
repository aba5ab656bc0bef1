import type { CallSnapshot } from '../../common/schemas/call';
import type { HistoryStatus } from '../../common/schemas/history';
import { userOf } from './dial-target';

/**
 * Calls in plain words: the state line under the caller's name, the timer,
 * and how an ended call turned out (shown for a few seconds before the
 * panel goes). SIP codes never reach the agent on their own.
 */

/** How long an ended call stays on screen with its outcome. */
export const OUTCOME_DISPLAY_MS = 4_000;

/** "Calling…", "Incoming call", "On hold", … for a call that is still on. */
export function callStateText(call: CallSnapshot): string {
  switch (call.state) {
    case 'dialing':
      return 'Calling…';
    case 'ringing':
      return 'Ringing…';
    case 'incoming':
      return 'Incoming call';
    case 'connecting':
      return 'Connecting…';
    case 'active':
      if (call.held) return 'On hold';
      if (call.remoteHeld) return 'Held by the other side';
      return 'Connected';
    case 'ended':
      return callOutcomeText(call);
  }
}

/**
 * How a call in the history turned out: "Declined", "Number not found", …
 * The call panel says the same words for the same outcomes, so an agent
 * who saw "Busy" on the call finds "Busy" in the history.
 */
export const HISTORY_OUTCOME_TEXT: Record<HistoryStatus, string> = {
  answered: 'Answered',
  missed: 'Missed call',
  declined: 'Declined',
  cancelled: 'Cancelled',
  busy: 'Busy',
  'no-answer': 'Not answered',
  'not-found': 'Number not found',
  unavailable: 'Unavailable',
  failed: 'Call failed',
  transferred: 'Transferred',
  'answered-elsewhere': 'Answered on another device',
  forwarded: 'Forwarded',
  voicemail: 'Voicemail',
};

/** How an ended call turned out: "Busy", "Declined", "Number not found", … */
export function callOutcomeText(call: Pick<CallSnapshot, 'direction' | 'end' | 'answeredAt'>): string {
  const end = call.end;
  if (!end) return 'Call ended';
  switch (end.reason) {
    case 'hangup':
      return end.by === 'remote' ? 'The other side hung up' : 'Call ended';
    case 'busy':
    case 'declined':
    case 'not-found':
    case 'unavailable':
    case 'no-answer':
    case 'answered-elsewhere':
    case 'transferred':
      return HISTORY_OUTCOME_TEXT[end.reason];
    case 'cancelled':
      // An inbound call the caller gave up on is, to the agent, a missed call.
      return call.direction === 'inbound' && end.by !== 'local' ? HISTORY_OUTCOME_TEXT.missed : HISTORY_OUTCOME_TEXT.cancelled;
    case 'network':
      return 'Call failed — network';
    case 'microphone':
      return 'Call failed — no microphone';
    case 'failed':
      return HISTORY_OUTCOME_TEXT.failed;
  }
}

/** Talk time as the call timer shows it: "04:09", or "1:02:03" past an hour. */
export function formatCallTimer(answeredAt: number, now: number): string {
  const total = Math.max(0, Math.floor((now - answeredAt) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** What a transfer in progress looks like on its call, or null. */
export function transferText(call: CallSnapshot): string | null {
  const transfer = call.transfer;
  if (!transfer) return null;
  const target = userOf(transfer.target) ?? transfer.target;
  switch (transfer.status) {
    case 'pending':
      return `Transferring to ${target}…`;
    case 'accepted':
      return `Transferred to ${target}`;
    case 'failed':
      return `The transfer to ${target} did not go through — you are still on the call`;
  }
}

/** The one line several just-ended calls fold into: "3 calls ended". */
export function endedCallsText(count: number): string {
  return count === 1 ? '1 call ended' : `${count} calls ended`;
}
