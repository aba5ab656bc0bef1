import { describe, expect, it } from 'vitest';
import type { CallSnapshot } from '../../../../common/schemas/call';
import { contract } from '../../../../preload/contract';
import { startCallRelay } from '../../../../renderer/app/call-relay';
import { aCall, answered, ended } from '../../../fakes/app-snapshots';
import { createFakeRingdeskApi } from '../../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../../fakes/fake-telephony';

function relay() {
  const desktop = createFakeRingdeskApi();
  desktop.answerOk(contract.calls.report, null);
  const telephony = createFakeTelephony();
  const calls = startCallRelay({ desktop: desktop.api, telephony, now: () => Date.UTC(2026, 11, 2, 10) });
  const batches: CallSnapshot[][] = [];
  const reported = () => desktop.callsTo(contract.calls.report);
  return { desktop, telephony, calls, batches, reported };
}

describe('the call relay from the engine to main', () => {
  it('reports every change to main once, in order, whether or not a screen is following', () => {
    const { telephony, reported } = relay();
    const call = aCall();
    telephony.pushCall(call);
    telephony.pushCall(call); // nothing changed
    telephony.pushCall(answered(call));
    telephony.pushCall(ended(answered(call), 'hangup'));
    expect(reported().map((c) => c.state)).toEqual(['incoming', 'active', 'ended']);
  });

  it('hands the screen exactly the changes it reported', () => {
    const { telephony, calls, batches, reported } = relay();
    calls.onCallChanges((changed) => batches.push(changed));
    const call = aCall();
    telephony.pushCall(call);
    telephony.pushCall(answered(call));
    expect(batches.flat()).toEqual(reported());
  });

  it('ends a live call the engine dropped without ending it — once, as failed by the system', () => {
    const { telephony, reported } = relay();
    const call = answered(aCall());
    telephony.pushCall(call);
    telephony.pushCalls([]);
    telephony.pushCalls([]);
    expect(reported()).toHaveLength(2);
    expect(reported()[1]).toMatchObject({ id: call.id, state: 'ended', end: { reason: 'failed', by: 'system' } });
    expect(reported()[1]!.endedAt).toBeGreaterThanOrEqual(call.answeredAt!);
  });

  it('does not report an ended call again while the engine still lists it', () => {
    const { telephony, reported } = relay();
    const call = ended(aCall(), 'cancelled');
    telephony.pushCall(call);
    telephony.pushCall(call);
    expect(reported()).toHaveLength(1);
  });

  it('lets go of the engine when stopped', () => {
    const { telephony, calls, reported } = relay();
    calls.stop();
    expect(telephony.callListenerCount()).toBe(0);
    telephony.pushCall(aCall());
    expect(reported()).toEqual([]);
  });
});
