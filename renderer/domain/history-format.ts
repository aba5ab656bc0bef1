import { DateTime } from 'luxon';
import type { HistoryEntry, HistoryFilter, HistoryStatus } from '../../common/schemas/history';

/**
 * The call history in the agent's words and time zone. `zone` defaults to
 * the computer's (luxon's "system"); tests pass one explicitly.
 */

/**
 * When a call was, as a list shows it: "14:05" today, "Mon 14:05" within
 * the last week, "12 Nov 2026" before that (and for anything in the future,
 * e.g. after the clock was changed).
 */
export function formatHistoryTime(at: number, now: number, zone = 'system'): string {
  const time = DateTime.fromMillis(at, { zone }).setLocale('en-GB');
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  if (time.hasSame(today, 'day')) return time.toFormat('HH:mm');
  const weekAgo = today.minus({ days: 6 });
  if (time >= weekAgo && time < today) return time.toFormat('ccc HH:mm');
  return time.toFormat('d LLL yyyy');
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

/** The accessible name of each status icon: "Missed call", "Busy", … */
export const HISTORY_STATUS_TEXT: Record<HistoryStatus, string> = {
  answered: 'Answered call',
  missed: 'Missed call',
  declined: 'Declined call',
  cancelled: 'Cancelled call',
  busy: 'Busy',
  'no-answer': 'Not answered',
  failed: 'Failed call',
  transferred: 'Transferred call',
  'answered-elsewhere': 'Answered on another device',
  forwarded: 'Forwarded call',
  voicemail: 'Went to voicemail',
};

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
