import { describe, expect, it } from 'vitest';
import { describeCallEnd, reasonForStatus, sipCause } from '../../../../renderer/telephony/call-end-reason';

describe('what a final answer to our call means', () => {
  it.each([
    [486, 'busy'],
    [600, 'busy'],
    [603, 'declined'],
    [404, 'not-found'],
    [484, 'not-found'],
    [604, 'not-found'],
    [480, 'unavailable'],
    [410, 'unavailable'],
    [503, 'unavailable'],
    [408, 'no-answer'],
    [487, 'no-answer'],
    [500, 'failed'],
    [488, 'failed'],
    [302, 'failed'],
    [401, 'failed'],
  ] as const)('%i is %s', (status, reason) => {
    expect(reasonForStatus(status)).toBe(reason);
    expect(describeCallEnd({ kind: 'rejected', statusCode: status, cancelledByUs: false })).toEqual({ reason, by: 'remote', statusCode: status });
  });

  it('anything after our own CANCEL (487, or a late 486) is a call we cancelled', () => {
    expect(describeCallEnd({ kind: 'rejected', statusCode: 487, cancelledByUs: true })).toEqual({ reason: 'cancelled', by: 'local', statusCode: 487 });
    expect(describeCallEnd({ kind: 'rejected', statusCode: 486, cancelledByUs: true })).toMatchObject({ reason: 'cancelled', by: 'local' });
    expect(describeCallEnd({ kind: 'cancelled-by-us' })).toEqual({ reason: 'cancelled', by: 'local' });
  });
});

describe('how other calls end', () => {
  it('a caller who gives up has cancelled (the store calls it missed)', () => {
    expect(describeCallEnd({ kind: 'cancelled-by-caller', reasonHeader: null })).toEqual({ reason: 'cancelled', by: 'remote' });
    expect(describeCallEnd({ kind: 'cancelled-by-caller', reasonHeader: 'Q.850;cause=16' })).toEqual({ reason: 'cancelled', by: 'remote' });
  });

  it('a CANCEL with Reason SIP;cause=200 means the call was answered on another device', () => {
    expect(describeCallEnd({ kind: 'cancelled-by-caller', reasonHeader: 'SIP;cause=200;text="Call completed elsewhere"' })).toEqual({
      reason: 'answered-elsewhere',
      by: 'remote',
    });
  });

  it('declining answers with the status we sent', () => {
    expect(describeCallEnd({ kind: 'refused-by-us', statusCode: 603 })).toEqual({ reason: 'declined', by: 'local', statusCode: 603 });
    expect(describeCallEnd({ kind: 'refused-by-us', statusCode: 486 })).toEqual({ reason: 'declined', by: 'local', statusCode: 486 });
  });

  it('BYE is a hang-up by whoever sent it; a transfer is a transfer', () => {
    expect(describeCallEnd({ kind: 'bye', by: 'local' })).toEqual({ reason: 'hangup', by: 'local' });
    expect(describeCallEnd({ kind: 'bye', by: 'remote' })).toEqual({ reason: 'hangup', by: 'remote' });
    expect(describeCallEnd({ kind: 'transferred', by: 'remote' })).toEqual({ reason: 'transferred', by: 'remote' });
  });

  it('a lost connection or failed media is a network problem; anything else a failure; ringing out unanswered is no-answer', () => {
    expect(describeCallEnd({ kind: 'transport-lost' })).toEqual({ reason: 'network', by: 'system' });
    expect(describeCallEnd({ kind: 'media-failed' })).toEqual({ reason: 'network', by: 'system' });
    expect(describeCallEnd({ kind: 'error' })).toEqual({ reason: 'failed', by: 'system' });
    expect(describeCallEnd({ kind: 'microphone-failed' })).toEqual({ reason: 'microphone', by: 'system' });
    expect(describeCallEnd({ kind: 'unanswered' })).toEqual({ reason: 'no-answer', by: 'system', statusCode: 480 });
  });
});

describe('the SIP cause of a Reason header', () => {
  it.each([
    ['SIP;cause=200;text="Call completed elsewhere"', 200],
    ['SIP ;cause=200 ;text="x"', 200],
    ['sip;CAUSE=487', 487],
    ['Q.850;cause=16;text="Terminated", SIP;cause=200', 200],
    ['Q.850;cause=16', null],
    ['SIP;text="no cause"', null],
    ['', null],
    [null, null],
  ] as const)('%s → %s', (header, cause) => {
    expect(sipCause(header)).toBe(cause);
  });
});
