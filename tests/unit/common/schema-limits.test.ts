import { describe, expect, it } from 'vitest';
import { MAX_ICE_SERVERS } from '../../../common/schemas/account';
import { callPeerSchema, MAX_PEER_DISPLAY_NAME_LENGTH, MAX_URI_LENGTH, MAX_USER_LENGTH } from '../../../common/schemas/call';

describe('the limits the schemas export are the ones they enforce', () => {
  const peer = { uri: 'sip:1@a', user: '1', displayName: null };

  it.each([
    ['uri', MAX_URI_LENGTH],
    ['user', MAX_USER_LENGTH],
    ['displayName', MAX_PEER_DISPLAY_NAME_LENGTH],
  ] as const)('a call peer %s of up to %i characters', (field, max) => {
    expect(callPeerSchema.safeParse({ ...peer, [field]: 'x'.repeat(max) }).success).toBe(true);
    expect(callPeerSchema.safeParse({ ...peer, [field]: 'x'.repeat(max + 1) }).success).toBe(false);
  });

  it('MAX_ICE_SERVERS is 8', () => {
    expect(MAX_ICE_SERVERS).toBe(8);
  });
});
