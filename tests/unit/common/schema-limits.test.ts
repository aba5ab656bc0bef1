import { describe, expect, it } from 'vitest';
import { accountFieldsSchema, MAX_ICE_SERVERS } from '../../../common/schemas/account';
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

  it('an account with up to MAX_ICE_SERVERS ICE servers', () => {
    const account = { displayName: 'A', sipUser: '1001', domain: 'pbx.example.com', wsServer: 'wss://pbx.example.com/ws' };
    const servers = (n: number) => Array.from({ length: n }, (_, i) => ({ urls: `stun:stun${i}.example.com:3478` }));
    expect(accountFieldsSchema.safeParse({ ...account, iceServers: servers(MAX_ICE_SERVERS) }).success).toBe(true);
    expect(accountFieldsSchema.safeParse({ ...account, iceServers: servers(MAX_ICE_SERVERS + 1) }).success).toBe(false);
  });
});
