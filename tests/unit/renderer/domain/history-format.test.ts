import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  formatHistoryClock,
  formatHistoryDuration,
  historyDayLabel,
  historyRows,
  historyStatusTone,
  matchesHistoryView,
  spokenDuration,
} from '../../../../renderer/domain/history-format';
import { historyStatusSchema } from '../../../../common/schemas/history';
import { aHistoryEntry } from '../../../fakes/app-snapshots';

const ZONE = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
// Wednesday 18 November 2026, 16:00 in Berlin.
const NOW = at('2026-11-18T16:00:00');

describe('history days in the agent’s time zone', () => {
  it('calls today and yesterday are under "Today" and "Yesterday", across midnight', () => {
    const justAfterMidnight = at('2026-11-18T00:10:00');
    expect(historyDayLabel(at('2026-11-18T00:05:00'), justAfterMidnight, ZONE)).toBe('Today');
    expect(historyDayLabel(at('2026-11-17T23:50:00'), justAfterMidnight, ZONE)).toBe('Yesterday');
    expect(historyDayLabel(at('2026-11-17T00:00:00'), NOW, ZONE)).toBe('Yesterday');
    expect(historyDayLabel(at('2026-11-16T23:59:59'), NOW, ZONE)).toBe('Monday 16 November');
  });

  it('names older days by weekday and date, with the year when it is not this year', () => {
    expect(historyDayLabel(at('2026-11-12T09:30:00'), NOW, ZONE)).toBe('Thursday 12 November');
    expect(historyDayLabel(at('2026-01-01T10:00:00'), NOW, ZONE)).toBe('Thursday 1 January');
    expect(historyDayLabel(at('2025-11-30T10:00:00'), NOW, ZONE)).toBe('Sunday 30 November 2025');
    // After the clock was put back: a day "after today" says its year, so it is not taken for last week.
    expect(historyDayLabel(at('2026-11-20T10:00:00'), NOW, ZONE)).toBe('Friday 20 November 2026');
  });

  it('counts calendar days over the 25-hour day when summer time ends', () => {
    // Berlin goes back from 03:00 to 02:00 on Sunday 25 October 2026.
    const sundayNight = at('2026-10-25T23:30:00');
    expect(sundayNight - at('2026-10-25T00:10:00')).toBeGreaterThan(24 * 3_600_000);
    expect(historyDayLabel(at('2026-10-25T00:10:00'), sundayNight, ZONE)).toBe('Today');
    expect(historyDayLabel(at('2026-10-24T23:50:00'), sundayNight, ZONE)).toBe('Yesterday');
    const mondayMorning = at('2026-10-26T09:00:00');
    expect(historyDayLabel(at('2026-10-25T00:30:00'), mondayMorning, ZONE)).toBe('Yesterday');
    expect(historyDayLabel(at('2026-10-24T23:59:00'), mondayMorning, ZONE)).toBe('Saturday 24 October');
  });

  it('counts calendar days over the 23-hour day when summer time starts', () => {
    // Berlin goes forward from 02:00 to 03:00 on Sunday 29 March 2026.
    const mondayNight = at('2026-03-30T00:30:00');
    expect(mondayNight - at('2026-03-28T23:45:00')).toBeLessThan(24 * 3_600_000);
    expect(historyDayLabel(at('2026-03-28T23:45:00'), mondayNight, ZONE)).toBe('Saturday 28 March');
    expect(historyDayLabel(at('2026-03-29T03:15:00'), mondayNight, ZONE)).toBe('Yesterday');
  });

  it('uses the agent’s zone, not UTC, to decide which day a call was on', () => {
    // 23:30 UTC on the 17th is already 00:30 on the 18th in Berlin.
    const lateUtc = DateTime.fromISO('2026-11-17T23:30:00Z').toMillis();
    expect(historyDayLabel(lateUtc, NOW, ZONE)).toBe('Today');
    expect(formatHistoryClock(lateUtc, ZONE)).toBe('00:30');
    expect(historyDayLabel(lateUtc, NOW, 'UTC')).toBe('Yesterday');
    expect(formatHistoryClock(lateUtc, 'UTC')).toBe('23:30');
  });

  it('puts a heading before the first call of each day', () => {
    const entries = [
      aHistoryEntry({ id: 'late', startedAt: DateTime.fromISO('2026-11-17T23:30:00Z').toMillis() }),
      aHistoryEntry({ id: 'evening', startedAt: DateTime.fromISO('2026-11-17T21:00:00Z').toMillis() }),
      aHistoryEntry({ id: 'morning', startedAt: DateTime.fromISO('2026-11-17T08:00:00Z').toMillis() }),
      aHistoryEntry({ id: 'old', startedAt: DateTime.fromISO('2026-11-10T08:00:00Z').toMillis() }),
    ];
    const shown = (zone: string) => historyRows(entries, NOW, zone).map((row) => (row.kind === 'day' ? `# ${row.label}` : row.entry.id));
    expect(shown(ZONE)).toEqual(['# Today', 'late', '# Yesterday', 'evening', 'morning', '# Tuesday 10 November', 'old']);
    expect(shown('UTC')).toEqual(['# Yesterday', 'late', 'evening', 'morning', '# Tuesday 10 November', 'old']);
    expect(historyRows([], NOW, ZONE)).toEqual([]);
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

  it('makes calls that did not connect stand out, and answered ones look fine', () => {
    expect(historyStatusTone('answered')).toBe('ok');
    for (const status of ['declined', 'busy', 'not-found', 'unavailable', 'no-answer', 'failed'] as const) expect(historyStatusTone(status)).toBe('failed');
    expect(historyStatusTone('missed')).toBe('missed');
    expect(historyStatusTone('cancelled')).toBe('neutral');
    expect(historyStatusSchema.options.every((status) => historyStatusTone(status) !== undefined)).toBe(true);
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
