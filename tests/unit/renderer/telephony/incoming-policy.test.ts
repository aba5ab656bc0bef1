import { describe, expect, it } from 'vitest';
import { decideIncoming } from '../../../../renderer/telephony/incoming-policy';

describe('decideIncoming', () => {
  it('rings when the agent takes calls', () => {
    expect(decideIncoming({ policy: 'ring', replacesOurCall: false })).toEqual({ kind: 'ring' });
  });

  it('rejects with 486 Busy Here on Do Not Disturb', () => {
    expect(decideIncoming({ policy: 'busy', replacesOurCall: false })).toEqual({ kind: 'reject', statusCode: 486 });
  });

  it('takes a call that replaces one of ours even on Do Not Disturb (an attended transfer of a call we already have)', () => {
    expect(decideIncoming({ policy: 'busy', replacesOurCall: true })).toEqual({ kind: 'ring' });
  });

  it('rings a replacing call when the agent takes calls', () => {
    expect(decideIncoming({ policy: 'ring', replacesOurCall: true })).toEqual({ kind: 'ring' });
  });
});
