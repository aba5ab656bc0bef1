import { DateTime } from 'luxon';
import type { HistoryEntry, HistoryFilter, HistoryStatus } from '../../common/schemas/history';

/**
 * The call history in the agent's words and time zone. `zone` defaults to
 * the computer's (luxon's "system"); tests pass one explicitly.
 */

/** The time of day a call started, "14:05": the day is in its group's heading. */
export function formatHistoryClock(at: number, zone = 'system'): string {
  return DateTime.fromMillis(at, { zone }).toFormat('HH:mm');
}

/**
 * The heading of a day's calls: "Today", "Yesterday", "Monday 30 November",
 * or "Monday 30 November 2025" when not this year (also for a day after
 * today, e.g. after the clock was changed). Days are the agent's calendar
 * days, so a 23-hour or 25-hour DST day is still one day.
 */
export function historyDayLabel(at: number, now: number, zone = 'system'): string {
  const day = DateTime.fromMillis(at, { zone }).setLocale('en-GB');
  const today = DateTime.fromMillis(now, { zone });
  if (day.hasSame(today, 'day')) return 'Today';
  if (day.hasSame(today.minus({ days: 1 }), 'day')) return 'Yesterday';
  return day.toFormat(day.hasSame(today, 'year') && day < today ? 'cccc d LLLL' : 'cccc d LLLL yyyy');
}

/** What the history list shows, row by row: a heading for each day, then that day's calls. */
export type HistoryRow = { kind: 'day'; key: string; label: string } | { kind: 'call'; key: string; entry: HistoryEntry };

/** Each entry's calendar day per zone: the rows are rebuilt for every call added, the days need not be. */
const dayCache = new WeakMap<HistoryEntry, { zone: string; day: string }>();
function dayOf(entry: HistoryEntry, zone: string): string {
  const known = dayCache.get(entry);
  if (known?.zone === zone) return known.day;
  const day = DateTime.fromMillis(entry.startedAt, { zone }).toISODate() ?? '';
  dayCache.set(entry, { zone, day });
  return day;
}

/** The entries (newest first) with a day heading before the first call of each day, in `zone`. */
export function historyRows(entries: readonly HistoryEntry[], now: number, zone = 'system'): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let lastDay = '';
  for (const entry of entries) {
    const day = dayOf(entry, zone);
    if (day !== lastDay) {
      rows.push({ kind: 'day', key: `day-${day}`, label: historyDayLabel(entry.startedAt, now, zone) });
      lastDay = day;
    }
    rows.push({ kind: 'call', key: entry.id, entry });
  }
  return rows;
}

/** The full date and time, for a tooltip: "Monday 9 November 2026, 14:05:09". */
export function formatHistoryTimeFull(at: number, zone = 'system'): string {
  return DateTime.fromMillis(at, { zone }).setLocale('en-GB').toFormat("cccc d LLLL yyyy, HH:mm:ss");
}

/** Talk time: "0:42", "12:05", "1:02:03"; empty for a call never answered. */
export function formatHistoryDuration(seconds: number): string {
  if (seconds <= 0) return '';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** Talk time read out: "1 minute 5 seconds". */
export function spokenDuration(seconds: number): string {
  if (seconds <= 0) return 'not answered';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const part = (n: number, unit: string) => (n > 0 ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  return [part(hours, 'hour'), part(minutes, 'minute'), part(secs, 'second')].filter(Boolean).join(' ');
}

export const DIRECTION_TEXT: Record<HistoryEntry['direction'], string> = {
  inbound: 'Incoming',
  outbound: 'Outgoing',
};

/** The tone of a status's icon: missed and failed calls stand out. */
export function historyStatusTone(status: HistoryStatus): 'ok' | 'missed' | 'failed' | 'neutral' {
  switch (status) {
    case 'answered':
    case 'transferred':
    case 'forwarded':
    case 'answered-elsewhere':
      return 'ok';
    case 'missed':
    case 'voicemail':
      return 'missed';
    case 'busy':
    case 'failed':
    case 'no-answer':
    case 'declined':
    case 'not-found':
    case 'unavailable':
      return 'failed';
    case 'cancelled':
      return 'neutral';
  }
}

/**
 * Whether an entry that just arrived belongs in the list as filtered and
 * searched (main's query is the reference; this mirrors it for one entry).
 */
export function matchesHistoryView(entry: HistoryEntry, filter: HistoryFilter, search: string): boolean {
  if (filter === 'missed' && entry.status !== 'missed') return false;
  if (filter === 'inbound' && entry.direction !== 'inbound') return false;
  if (filter === 'outbound' && entry.direction !== 'outbound') return false;
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [entry.peer.displayName ?? '', entry.peer.user, entry.peer.uri].join(' ').toLowerCase();
  if (haystack.includes(needle)) return true;
  const digits = needle.replace(/\D/g, '');
  return digits.length > 0 && /^[\d\s+\-().]+$/.test(needle) && haystack.replace(/\D/g, '').includes(digits);
}
