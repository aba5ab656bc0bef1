import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  formatHistoryDuration,
  formatHistoryTime,
  HISTORY_STATUS_TEXT,
  matchesHistoryView,
  spokenDuration,
} from '../../../../renderer/domain/history-format';
import { aHistoryEntry } from '../../../fakes/app-snapshots';

const ZONE = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
// Wednesday 18 November 2026, 16:00 in Berlin.
const NOW = at('2026-11-18T16:00:00');

describe('history times in the agent’s time zone', () => {
  it('shows only the time for a call today', () => {
    expect(formatHistoryTime(at('2026-11-18T14:05:00'), NOW, ZONE)).toBe('14:05');
    expect(formatHistoryTime(at('2026-11-18T00:01:00'), NOW, ZONE)).toBe('00:01');
  });

  it('shows the weekday and time for a call in the last week', () => {
    expect(formatHistoryTime(at('2026-11-16T14:05:00'), NOW, ZONE)).toBe('Mon 14:05');
    expect(formatHistoryTime(at('2026-11-12T09:30:00'), NOW, ZONE)).toBe('Thu 09:30');
  });

  it('shows the date for anything older', () => {
    expect(formatHistoryTime(at('2026-11-11T23:59:00'), NOW, ZONE)).toBe('11 Nov 2026');
    expect(formatHistoryTime(at('2025-01-02T10:00:00'), NOW, ZONE)).toBe('2 Jan 2025');
  });

  it('uses the agent’s zone, not UTC, to decide what "today" is', () => {
    // 23:30 UTC on the 17th is already 00:30 on the 18th in Berlin.
    const lateUtc = DateTime.fromISO('2026-11-17T23:30:00Z').toMillis();
    expect(formatHistoryTime(lateUtc, NOW, ZONE)).toBe('00:30');
    expect(formatHistoryTime(lateUtc, NOW, 'UTC')).toBe('Tue 23:30');
  });
});

describe('history details', () => {
  it('shows talk time compactly, and nothing for an unanswered call', () => {
    expect(formatHistoryDuration(0)).toBe('');
    expect(formatHistoryDuration(42)).toBe('0:42');
    expect(formatHistoryDuration(725)).toBe('12:05');
    expect(formatHistoryDuration(3723)).toBe('1:02:03');
    expect(spokenDuration(65)).toBe('1 minute 5 seconds');
  });

  it('names every status for its icon', () => {
    expect(HISTORY_STATUS_TEXT.missed).toBe('Missed call');
    expect(Object.values(HISTORY_STATUS_TEXT).every((t) => t.length > 0)).toBe(true);
  });

  it('decides whether a new call belongs in the filtered, searched list', () => {
    const missed = aHistoryEntry();
    expect(matchesHistoryView(missed, 'missed', '')).toBe(true);
    expect(matchesHistoryView(missed, 'outbound', '')).toBe(false);
    expect(matchesHistoryView(missed, 'all', 'bob')).toBe(true);
    expect(matchesHistoryView(aHistoryEntry({ peer: { uri: 'sip:+12025550199@pbx', user: '+12025550199', displayName: null } }), 'all', '(202) 555')).toBe(true);
    expect(matchesHistoryView(missed, 'all', 'carol')).toBe(false);
  });
});
