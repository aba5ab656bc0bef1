import { describe, expect, it } from 'vitest';
import { callSnapshotSchema } from '../../../../common/schemas/call';
import { CallRecord } from '../../../../renderer/telephony/call-record';

const START = Date.UTC(2026, 11, 2, 9, 0, 0);

function aCall(): CallRecord {
  return new CallRecord({ id: 'c1', direction: 'outbound', peer: { uri: 'sip:1002@127.0.0.1', user: '1002', displayName: null }, consultFor: null, state: 'dialing', startedAt: START });
}

describe('a call whose computer clock steps back mid-call', () => {
  it('is still a call main accepts: answered and ended never before it started', () => {
    const call = aCall();
    call.activate(START - 5_000); // NTP pulled the clock back five seconds
    call.finish({ kind: 'bye', by: 'local' }, START - 10_000);
    const snapshot = call.snapshot();
    expect(snapshot.answeredAt).toBe(START);
    expect(snapshot.endedAt).toBe(START);
    expect(callSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('keeps the real times when the clock behaves', () => {
    const call = aCall();
    call.activate(START + 2_000);
    call.finish({ kind: 'bye', by: 'remote' }, START + 62_000);
    expect(call.snapshot()).toMatchObject({ startedAt: START, answeredAt: START + 2_000, endedAt: START + 62_000 });
  });
});
