import { describe, expect, it } from 'vitest';
import { historyEntrySchema, historyStatusSchema, type HistoryStatus } from '../../../../common/schemas/history';
import { callHistoryStatus } from '../../../../main/domain/call-history-status';
import { HISTORY_OUTCOME_TEXT } from '../../../../renderer/domain/call-outcome-text';
import { describeCallEnd, type CallEnding } from '../../../../renderer/telephony/call-end-reason';
import { aHistoryEntry } from '../../../fakes/app-snapshots';
import { callSnapshot } from '../../../fakes/call-snapshots';

/** From what the SIP engine saw, through main's history status, to the words the History view shows. */
function outcome(direction: 'inbound' | 'outbound', ending: CallEnding, answered = false): { status: HistoryStatus; words: string } {
  const end = describeCallEnd(ending);
  const status = callHistoryStatus(callSnapshot({ direction, state: 'ended', end, answeredAt: answered ? Date.now() : null }));
  return { status, words: HISTORY_OUTCOME_TEXT[status] };
}
const rejected = (statusCode: number): CallEnding => ({ kind: 'rejected', statusCode, cancelledByUs: false });

describe('what the history says about how a call turned out', () => {
  it.each<[string, CallEnding, HistoryStatus, string]>([
    ['603 Decline', rejected(603), 'declined', 'Declined'],
    ['486 Busy Here', rejected(486), 'busy', 'Busy'],
    ['600 Busy Everywhere', rejected(600), 'busy', 'Busy'],
    ['404 Not Found', rejected(404), 'not-found', 'Number not found'],
    ['484 Address Incomplete', rejected(484), 'not-found', 'Number not found'],
    ['604 Does Not Exist Anywhere', rejected(604), 'not-found', 'Number not found'],
    ['480 Temporarily Unavailable', rejected(480), 'unavailable', 'Unavailable'],
    ['410 Gone', rejected(410), 'unavailable', 'Unavailable'],
    ['503 Service Unavailable', rejected(503), 'unavailable', 'Unavailable'],
    ['408 Request Timeout', rejected(408), 'no-answer', 'Not answered'],
    ['500 Server Internal Error', rejected(500), 'failed', 'Call failed'],
    ['our CANCEL while it rang', { kind: 'cancelled-by-us' }, 'cancelled', 'Cancelled'],
    ['the WebSocket closing', { kind: 'transport-lost' }, 'failed', 'Call failed'],
  ])('an outbound call ended by %s is "%s" ("%s")', (_what, ending, status, words) => {
    expect(outcome('outbound', ending)).toEqual({ status, words });
  });

  it.each<[string, CallEnding, boolean, HistoryStatus, string]>([
    ['the caller’s CANCEL', { kind: 'cancelled-by-caller', reasonHeader: null }, false, 'missed', 'Missed call'],
    ['a CANCEL saying it was answered elsewhere', { kind: 'cancelled-by-caller', reasonHeader: 'SIP;cause=200;text="Call completed elsewhere"' }, false, 'answered-elsewhere', 'Answered on another device'],
    ['the agent’s 603 Decline', { kind: 'refused-by-us', statusCode: 603 }, false, 'declined', 'Declined'],
    ['ringing until the engine gave up', { kind: 'unanswered' }, false, 'missed', 'Missed call'],
    ['a BYE after it was answered', { kind: 'bye', by: 'remote' }, true, 'answered', 'Answered'],
    ['a transfer', { kind: 'transferred', by: 'local' }, true, 'transferred', 'Transferred'],
  ])('an inbound call ended by %s is "%s"', (_what, ending, answered, status, words) => {
    expect(outcome('inbound', ending, answered)).toEqual({ status, words });
  });

  it('has its own words for every status', () => {
    const words = historyStatusSchema.options.map((status) => HISTORY_OUTCOME_TEXT[status]);
    expect(words.every((w) => w.length > 0)).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });

  it('still reads history lines written before "not-found" and "unavailable" existed, and reads the new ones', () => {
    const older = JSON.parse(JSON.stringify(aHistoryEntry({ status: 'failed', direction: 'outbound' }))) as unknown;
    expect(historyEntrySchema.safeParse(older).success).toBe(true);
    for (const status of ['not-found', 'unavailable'] as const) {
      expect(historyEntrySchema.parse(JSON.parse(JSON.stringify(aHistoryEntry({ status })))).status).toBe(status);
    }
  });
});
