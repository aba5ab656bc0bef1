import type { CallSnapshot } from '../../preload/schemas/call';
import type { HistoryEntry } from '../../preload/schemas/history';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);

/** A call as the renderer's engine reports it; an inbound call ringing unless overridden. */
export function callSnapshot(overrides: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    id: 'call-1',
    direction: 'inbound',
    peer: { uri: 'sip:+15550100@pbx.example.com', user: '+15550100', displayName: 'Alice Example' },
    state: 'incoming',
    muted: false,
    held: false,
    remoteHeld: false,
    startedAt: T0,
    answeredAt: null,
    endedAt: null,
    end: null,
    transfer: null,
    consultFor: null,
    ...overrides,
  };
}

/** The same call, ended. */
export function ended(call: CallSnapshot, end: NonNullable<CallSnapshot['end']>, endedAt = call.startedAt + 30_000): CallSnapshot {
  return { ...call, state: 'ended', end, endedAt };
}

/** A history entry, for filling a history file. */
export function historyEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 'call-1',
    direction: 'inbound',
    status: 'answered',
    peer: { uri: 'sip:+15550100@pbx.example.com', user: '+15550100', displayName: 'Alice Example' },
    startedAt: T0,
    answeredAt: T0 + 5_000,
    endedAt: T0 + 65_000,
    durationSec: 60,
    ...overrides,
  };
}
