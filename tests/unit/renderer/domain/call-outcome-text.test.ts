import { describe, expect, it } from 'vitest';
import type { CallEndReason } from '../../../../common/schemas/call';
import { callOutcomeText, callStateText, endedCallsText, formatCallTimer, transferText } from '../../../../renderer/domain/call-outcome-text';
import { aCall, answered, ended } from '../../../fakes/app-snapshots';

describe('calls in plain words', () => {
  it('names each state of a call', () => {
    expect(callStateText(aCall({ direction: 'outbound', state: 'dialing' }))).toBe('Calling…');
    expect(callStateText(aCall({ direction: 'outbound', state: 'ringing' }))).toBe('Ringing…');
    expect(callStateText(aCall())).toBe('Incoming call');
    expect(callStateText(answered(aCall()))).toBe('Connected');
    expect(callStateText({ ...answered(aCall()), held: true })).toBe('On hold');
    expect(callStateText({ ...answered(aCall()), remoteHeld: true })).toBe('Held by the other side');
    expect(callStateText({ ...answered(aCall()), held: true, remoteHeld: true })).toBe('On hold');
  });

  it.each<[CallEndReason, string]>([
    ['busy', 'Busy'],
    ['declined', 'Declined'],
    ['not-found', 'Number not found'],
    ['no-answer', 'Not answered'],
    ['unavailable', 'Unavailable'],
    ['network', 'Call failed — network'],
    ['microphone', 'Call failed — no microphone'],
    ['failed', 'Call failed'],
    ['transferred', 'Transferred'],
    ['answered-elsewhere', 'Answered on another device'],
  ])('an outbound call that ended "%s" says "%s"', (reason, text) => {
    expect(callOutcomeText(ended(aCall({ direction: 'outbound' }), reason))).toBe(text);
  });

  it('a call the agent cancelled says "Cancelled"; one the caller gave up on is a missed call', () => {
    expect(callOutcomeText(ended(aCall({ direction: 'outbound' }), 'cancelled', 'local'))).toBe('Cancelled');
    expect(callOutcomeText(ended(aCall({ direction: 'inbound' }), 'cancelled', 'remote'))).toBe('Missed call');
  });

  it('says who hung up an answered call', () => {
    expect(callOutcomeText(ended(answered(aCall()), 'hangup', 'remote'))).toBe('The other side hung up');
    expect(callOutcomeText(ended(answered(aCall()), 'hangup', 'local'))).toBe('Call ended');
  });

  it('counts talk time as mm:ss, and hours past an hour', () => {
    expect(formatCallTimer(0, 0)).toBe('00:00');
    expect(formatCallTimer(0, 65_400)).toBe('01:05');
    expect(formatCallTimer(0, 3_723_000)).toBe('1:02:03');
    expect(formatCallTimer(5_000, 0)).toBe('00:00');
  });

  it('describes a transfer by the number it goes to', () => {
    const call = answered(aCall());
    expect(transferText({ ...call, transfer: { kind: 'blind', target: 'sip:1003@pbx.example.com', status: 'pending' } })).toBe('Transferring to 1003…');
    expect(transferText({ ...call, transfer: { kind: 'blind', target: 'sip:1003@pbx.example.com', status: 'failed' } })).toBe(
      'The transfer to 1003 did not go through — you are still on the call',
    );
    expect(transferText(call)).toBeNull();
  });
});

describe('ended calls folded into one line', () => {
  it('counts them', () => {
    expect(endedCallsText(3)).toBe('3 calls ended');
    expect(endedCallsText(1)).toBe('1 call ended');
  });
});
