import { describe, expect, it } from 'vitest';
import { callHistoryStatus, historyEntryFromCall, talkSeconds } from '../../../../main/domain/call-history-status';
import { EARLIEST_CALL_TIME_MS, LATEST_CALL_TIME_MS, type CallSnapshot } from '../../../../common/schemas/call';
import { historyEntrySchema, type HistoryStatus } from '../../../../common/schemas/history';
import { callSnapshot, ended } from '../../../fakes/call-snapshots';

type End = NonNullable<CallSnapshot['end']>;
const ANSWERED = Date.UTC(2026, 10, 25, 9, 0, 5);

function status(direction: 'inbound' | 'outbound', answered: boolean, end: End | null, transfer: CallSnapshot['transfer'] = null): HistoryStatus {
  return callHistoryStatus(callSnapshot({ direction, answeredAt: answered ? ANSWERED : null, end, transfer, state: 'ended' }));
}

describe('how a finished call is remembered in the history', () => {
  it.each<[string, 'inbound' | 'outbound', boolean, End | null, HistoryStatus]>([
    ['an inbound call the agent answered and someone hung up', 'inbound', true, { reason: 'hangup', by: 'remote' }, 'answered'],
    ['an inbound call that dropped after it was answered', 'inbound', true, { reason: 'network', by: 'system' }, 'answered'],
    ['an inbound call the caller gave up on while it rang', 'inbound', false, { reason: 'cancelled', by: 'remote' }, 'missed'],
    ['an inbound call nobody picked up in time', 'inbound', false, { reason: 'no-answer', by: 'system' }, 'missed'],
    ['an inbound call the caller hung up before it was answered', 'inbound', false, { reason: 'hangup', by: 'remote' }, 'missed'],
    ['an inbound call the agent declined', 'inbound', false, { reason: 'declined', by: 'local', statusCode: 603 }, 'declined'],
    ['an inbound call the agent turned away as busy', 'inbound', false, { reason: 'busy', by: 'local', statusCode: 486 }, 'declined'],
    ['an inbound call answered on another device', 'inbound', false, { reason: 'answered-elsewhere', by: 'remote' }, 'answered-elsewhere'],
    ['an inbound call lost to a network failure while ringing', 'inbound', false, { reason: 'network', by: 'system' }, 'failed'],
    ['an inbound call that ended without a reason', 'inbound', false, null, 'missed'],
    ['an outbound call that was answered', 'outbound', true, { reason: 'hangup', by: 'local' }, 'answered'],
    ['an outbound call the agent cancelled while it rang', 'outbound', false, { reason: 'cancelled', by: 'local' }, 'cancelled'],
    ['an outbound call the agent hung up before it was answered', 'outbound', false, { reason: 'hangup', by: 'local' }, 'cancelled'],
    ['an outbound call to a busy line', 'outbound', false, { reason: 'busy', by: 'remote', statusCode: 486 }, 'busy'],
    ['an outbound call the callee declined', 'outbound', false, { reason: 'declined', by: 'remote', statusCode: 603 }, 'declined'],
    ['an outbound call nobody answered', 'outbound', false, { reason: 'no-answer', by: 'remote', statusCode: 408 }, 'no-answer'],
    ['an outbound call to a number that does not exist', 'outbound', false, { reason: 'not-found', by: 'remote', statusCode: 404 }, 'not-found'],
    ['an outbound call to an address that is incomplete', 'outbound', false, { reason: 'not-found', by: 'remote', statusCode: 484 }, 'not-found'],
    ['an outbound call to a number that does not exist anywhere', 'outbound', false, { reason: 'not-found', by: 'remote', statusCode: 604 }, 'not-found'],
    ['an outbound call to someone unavailable', 'outbound', false, { reason: 'unavailable', by: 'remote', statusCode: 480 }, 'unavailable'],
    ['an outbound call lost to the network', 'outbound', false, { reason: 'network', by: 'system' }, 'failed'],
    ['an outbound call that could not open the microphone', 'outbound', false, { reason: 'microphone', by: 'system' }, 'failed'],
    ['an outbound call that failed otherwise', 'outbound', false, { reason: 'failed', by: 'remote', statusCode: 500 }, 'failed'],
    ['an outbound call that ended without a reason', 'outbound', false, null, 'failed'],
    ['an answered inbound call the agent transferred', 'inbound', true, { reason: 'transferred', by: 'local' }, 'transferred'],
    ['an answered outbound call the agent transferred', 'outbound', true, { reason: 'transferred', by: 'local' }, 'transferred'],
  ])('%s → %s', (_name, direction, answered, end, expected) => {
    expect(status(direction, answered, end)).toBe(expected);
  });

  it('counts a call whose transfer was accepted as transferred, whatever ended it', () => {
    expect(status('inbound', true, { reason: 'hangup', by: 'remote' }, { kind: 'blind', target: '1003', status: 'accepted' })).toBe('transferred');
    expect(status('inbound', true, { reason: 'hangup', by: 'remote' }, { kind: 'blind', target: '1003', status: 'failed' })).toBe('answered');
  });

  it('counts talk time in whole seconds from the answer, rounded down, and 0 when never answered', () => {
    expect(talkSeconds(ANSWERED, ANSWERED + 59_999)).toBe(59);
    expect(talkSeconds(ANSWERED, ANSWERED + 60_000)).toBe(60);
    expect(talkSeconds(ANSWERED, ANSWERED - 10)).toBe(0);
    expect(talkSeconds(null, ANSWERED + 60_000)).toBe(0);
  });

  it('makes a history entry with the peer, the times and the talk time', () => {
    const call = ended(callSnapshot({ answeredAt: ANSWERED }), { reason: 'hangup', by: 'remote' }, ANSWERED + 125_400);
    expect(historyEntryFromCall(call, 0)).toEqual({
      id: 'call-1',
      direction: 'inbound',
      status: 'answered',
      peer: { uri: 'sip:+15550100@pbx.example.com', user: '+15550100', displayName: 'Alice Example' },
      startedAt: call.startedAt,
      answeredAt: ANSWERED,
      endedAt: ANSWERED + 125_400,
      durationSec: 125,
    });
  });

  it('uses the time main heard of the end when the engine did not say when', () => {
    const call = { ...callSnapshot(), state: 'ended' as const, end: { reason: 'cancelled' as const, by: 'remote' as const } };
    expect(historyEntryFromCall(call, call.startedAt + 9_000)).toMatchObject({ endedAt: call.startedAt + 9_000, durationSec: 0, status: 'missed' });
  });

  it.each([
    ['before the call was answered', 0, ANSWERED],
    ['before the earliest call time', EARLIEST_CALL_TIME_MS - 1, ANSWERED],
    ['past the latest call time', LATEST_CALL_TIME_MS + 86_400_000, LATEST_CALL_TIME_MS],
    ['far in the future (Number.MAX_VALUE)', Number.MAX_VALUE, LATEST_CALL_TIME_MS],
  ])('keeps the stand-in end within the call’s times when main’s clock is %s, so the entry reads back', (_when, now, endedAt) => {
    const call: CallSnapshot = { ...callSnapshot({ answeredAt: ANSWERED }), state: 'ended', end: { reason: 'hangup', by: 'remote' } };
    const entry = historyEntryFromCall(call, now);
    expect(entry.endedAt).toBe(endedAt);
    expect(historyEntrySchema.safeParse(entry).success).toBe(true);
  });
});
