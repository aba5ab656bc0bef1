import type { AccountSummary, EngineAccount } from '../../preload/schemas/account';
import type { Reachability } from '../../preload/schemas/registration';
import type { AppSnapshot } from '../../preload/schemas/snapshot';

/** Example data in the shapes main sends; override what a test is about. */

export function anAccount(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    displayName: 'Alice Agent',
    aor: 'sip:1001@pbx.example.com',
    fields: {
      displayName: 'Alice Agent',
      sipUser: '1001',
      authUser: '',
      domain: 'pbx.example.com',
      realm: '',
      wsServer: 'wss://pbx.example.com:8089/ws',
      iceServers: [],
    },
    hasPassword: true,
    ...overrides,
  };
}

export const REACHABLE: Reachability = {
  canReceiveCalls: true,
  tone: 'ok',
  icon: 'available',
  headline: 'You can receive calls',
  detail: '',
};

export function unreachable(overrides: Partial<Reachability> = {}): Reachability {
  return {
    canReceiveCalls: false,
    tone: 'error',
    icon: 'unreachable',
    headline: 'You cannot receive calls',
    detail: 'Cannot reach wss://pbx.example.com:8089/ws. Check the address and your network.',
    action: 'retry',
    ...overrides,
  };
}

/** A registered, available agent unless overridden. */
export function aSnapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    account: anAccount(),
    presence: 'available',
    registration: { status: 'registered', since: 1_700_000_000_000 },
    reachability: REACHABLE,
    notices: [],
    ...overrides,
  };
}

/** First run: nothing saved yet. */
export function firstRunSnapshot(): AppSnapshot {
  return aSnapshot({
    account: null,
    registration: { status: 'no-account' },
    reachability: unreachable({ tone: 'neutral', headline: 'No phone account yet', detail: 'Set up your account to receive calls.', action: 'edit-account' }),
  });
}

export function anEngineAccount(overrides: Partial<EngineAccount> = {}): EngineAccount {
  return {
    aor: 'sip:1001@pbx.example.com',
    displayName: 'Alice Agent',
    authorizationUsername: '1001',
    authorizationHa1: '0123456789abcdef0123456789abcdef',
    realm: 'pbx.example.com',
    wsServer: 'wss://pbx.example.com:8089/ws',
    iceServers: [],
    registerExpires: 600,
    ...overrides,
  };
}
