import type { AccountSummary, EngineAccount } from '../../common/schemas/account';
import type { CallSnapshot } from '../../common/schemas/call';
import type { HistoryEntry } from '../../common/schemas/history';
import { DEFAULT_PREFERENCES, type Preferences } from '../../common/schemas/preferences';
import type { Reachability } from '../../common/schemas/registration';
import type { AppSnapshot } from '../../common/schemas/snapshot';

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
  reason: 'available',
};

export function unreachable(overrides: Partial<Reachability> = {}): Reachability {
  return {
    canReceiveCalls: false,
    tone: 'error',
    icon: 'unreachable',
    reason: 'reconnecting',
    failure: { cause: 'network' },
    server: 'wss://pbx.example.com:8089/ws',
    action: 'retry',
    ...overrides,
  };
}

/** A registered, available agent unless overridden. */
export function aSnapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    account: anAccount(),
    workspace: null,
    presence: 'available',
    registration: { status: 'registered', since: 1_700_000_000_000 },
    reachability: REACHABLE,
    notices: [],
    preferences: DEFAULT_PREFERENCES,
    ...overrides,
  };
}

/** Preferences as main stores them, with some changed (`audio` and `notifications` merged one level deep). */
export function somePreferences(overrides: Partial<Omit<Preferences, 'audio' | 'notifications'>> & {
  audio?: Partial<Preferences['audio']>;
  notifications?: Partial<Preferences['notifications']>;
} = {}): Preferences {
  return {
    ...DEFAULT_PREFERENCES,
    ...overrides,
    audio: { ...DEFAULT_PREFERENCES.audio, ...overrides.audio },
    notifications: { ...DEFAULT_PREFERENCES.notifications, ...overrides.notifications },
  };
}

/** First run: nothing saved yet. */
export function firstRunSnapshot(): AppSnapshot {
  return aSnapshot({
    account: null,
    registration: { status: 'no-account' },
    reachability: unreachable({ tone: 'neutral', reason: 'not-set-up', action: 'edit-account' }),
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

/** Epoch ms the example calls start at (Tue 14 Nov 2023, 22:13:20 UTC). */
export const CALL_START = 1_700_000_000_000;

/** A call as the engine reports it: an incoming call from Bob (1002) unless overridden. */
export function aCall(overrides: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    id: 'call-in-1',
    direction: 'inbound',
    peer: { uri: 'sip:1002@pbx.example.com', user: '1002', displayName: 'Bob Caller' },
    state: 'incoming',
    muted: false,
    held: false,
    remoteHeld: false,
    startedAt: CALL_START,
    answeredAt: null,
    endedAt: null,
    end: null,
    transfer: null,
    consultFor: null,
    ...overrides,
  };
}

/** The same call, answered and talking. */
export function answered(call: CallSnapshot, at = call.startedAt + 3_000): CallSnapshot {
  return { ...call, state: 'active', answeredAt: at };
}

/** The same call, ended for `reason`. */
export function ended(call: CallSnapshot, reason: NonNullable<CallSnapshot['end']>['reason'], by: 'local' | 'remote' | 'system' = 'remote'): CallSnapshot {
  return { ...call, state: 'ended', endedAt: (call.answeredAt ?? call.startedAt) + 10_000, end: { reason, by } };
}

/** A call in the history: a missed call from Bob unless overridden. */
export function aHistoryEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 'h-1',
    direction: 'inbound',
    status: 'missed',
    peer: { uri: 'sip:1002@pbx.example.com', user: '1002', displayName: 'Bob Caller' },
    startedAt: CALL_START,
    answeredAt: null,
    endedAt: CALL_START + 20_000,
    durationSec: 0,
    ...overrides,
  };
}
