import type { HistoryEntry, HistoryStatus } from '../common/schemas/history';

const SURNAMES = ['Smith', 'Müller', 'García', 'Nguyen', 'Okafor', 'Kowalski', 'Rossi', 'Dubois', 'Tanaka', 'Jensen'];
const STATUSES: HistoryStatus[] = ['answered', 'answered', 'answered', 'missed', 'cancelled', 'busy', 'no-answer', 'declined', 'not-found', 'unavailable', 'failed', 'transferred'];

/** Ten years of a busy agent's calls, a few minutes apart; numbers repeat as real customers do. */
export function historyEntryNumber(n: number): HistoryEntry {
  const startedAt = Date.UTC(2016, 0, 1) + n * 190_000;
  const number = `+1555${String((n * 7919) % 40_000).padStart(7, '0')}`;
  const status = STATUSES[n % STATUSES.length]!;
  const answered = status === 'answered' || status === 'transferred';
  return {
    id: `3f2c${n.toString(16).padStart(8, '0')}-7a1e-4c2b-9d3f-${(n * 2654435761 >>> 0).toString(16).padStart(12, '0')}`,
    direction: status === 'missed' || n % 2 === 0 ? 'inbound' : 'outbound',
    status,
    peer: { uri: `sip:${number}@pbx.example.com`, user: number, displayName: n % 4 === 0 ? null : `${['Ana', 'Ben', 'Chloé', 'Dev'][n % 4]} ${SURNAMES[(n >> 2) % 10]} ${n % 997}` },
    startedAt,
    answeredAt: answered ? startedAt + 6_000 : null,
    endedAt: startedAt + 6_000 + (n % 600) * 1_000,
    durationSec: answered ? n % 600 : 0,
  };
}
