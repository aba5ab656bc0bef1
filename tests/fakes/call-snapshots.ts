import type { CallSnapshot } from '../../common/schemas/call';
import type { HistoryEntry } from '../../common/schemas/history';
import { aCall, aHistoryEntry } from './app-snapshots';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
const ALICE = { uri: 'sip:+15550100@pbx.example.com', user: '+15550100', displayName: 'Alice Example' };

/** A call as the renderer's engine reports it: Alice (+15550100) ringing in, unless overridden. */
export function callSnapshot(overrides: Partial<CallSnapshot> = {}): CallSnapshot {
  return aCall({ id: 'call-1', peer: ALICE, startedAt: T0, ...overrides });
}

/** The same call, ended. */
export function ended(call: CallSnapshot, end: NonNullable<CallSnapshot['end']>, endedAt = call.startedAt + 30_000): CallSnapshot {
  return { ...call, state: 'ended', end, endedAt };
}

/** A history entry, for filling a history file: a one-minute answered call from Alice unless overridden. */
export function historyEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return aHistoryEntry({ id: 'call-1', status: 'answered', peer: ALICE, startedAt: T0, answeredAt: T0 + 5_000, endedAt: T0 + 65_000, durationSec: 60, ...overrides });
}
