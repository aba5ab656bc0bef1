import type { EngineAccount } from '../../preload/schemas/account';

export function engineAccount(overrides: Partial<EngineAccount> = {}): EngineAccount {
  return {
    aor: 'sip:1001@127.0.0.1',
    displayName: 'Alice Agent',
    authorizationUsername: '1001',
    authorizationHa1: '0123456789abcdef0123456789abcdef',
    realm: '127.0.0.1',
    wsServer: 'ws://127.0.0.1:8080',
    iceServers: [],
    registerExpires: 300,
    ...overrides,
  };
}
