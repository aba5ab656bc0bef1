import { ROLE_LABELS } from './role-labels';
import { DateTime } from 'luxon';
import { AUDIT_REDACTED } from '../../common/schemas/workspace/audit';

/**
 * The audit trail in words: which field (`settings.notifications.missedCall`
 * → "Missed-call notifications"), what it became (values as plain text —
 * they were typed by people and are shown as text only), and when, relative
 * ("5 minutes ago") with the full date and time in `zone` (luxon's "system":
 * the computer's) for a tooltip.
 */

const FIELDS: Record<string, string> = {
  created: 'Added to the team',
  deleted: 'Removed from the team',
  email: 'Email',
  fullName: 'Full name',
  extension: 'Extension',
  personalPhone: 'Personal phone',
  role: 'Role',
  status: 'Status',
  groupIds: 'Groups',
  picture: 'Picture',
  'settings.officeHours.timeZone': 'Office hours time zone',
  'settings.callSettings.internalOnly': 'Agent-only calls',
  'settings.callSettings.recordOutbound': 'Recording outbound calls',
  'settings.callSettings.mayPauseRecording': 'May pause recordings',
  'settings.callSettings.forwardToPersonalPhone': 'Forwarding to personal phone',
  'settings.notifications.incomingCall': 'Incoming-call notifications',
  'settings.notifications.missedCall': 'Missed-call notifications',
  'settings.notifications.voicemail': 'Voicemail notifications',
  'settings.preferences.extendedDashboard': 'Extended Agents Dashboard',
};

const DAYS: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

const STATUSES: Record<string, string> = { pending: 'Pending', active: 'Active', disabled: 'Disabled' };
const FORWARDING: Record<string, string> = { never: 'Never', unavailable: 'When unavailable', 'outside-hours': 'Outside office hours', always: 'Always' };

/** "Email", "Monday office hours"; a field this app does not know yet is shown by its last part, never dropped. */
export function auditFieldLabel(field: string): string {
  const known = FIELDS[field];
  if (known) return known;
  const day = /^settings\.officeHours\.days\.(\w+)$/.exec(field)?.[1];
  if (day && DAYS[day]) return `${DAYS[day]} office hours`;
  return field.split('.').at(-1) ?? field;
}

const isRedacted = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && (v as Record<string, unknown>).redacted === AUDIT_REDACTED.redacted && Object.keys(v).length === 1;

/**
 * A value as text: "none", "Yes"/"No", role and status names, group names
 * (from `groupName`; "a deleted group" when unknown), office-hour ranges
 * ("09:00–17:00"), "a picture" for redacted picture data; null for a
 * created/deleted snapshot (the entry's label says it all).
 */
export function auditValueText(field: string, value: unknown, groupName: (id: string) => string | undefined = () => undefined): string | null {
  if (field === 'created' || field === 'deleted') return null;
  if (value === null || value === undefined || value === '') return 'none';
  if (isRedacted(value)) return 'a picture';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field === 'role' && typeof value === 'string') return (ROLE_LABELS as Record<string, string>)[value] ?? value;
  if (field === 'status' && typeof value === 'string') return STATUSES[value] ?? value;
  if (field === 'settings.callSettings.forwardToPersonalPhone' && typeof value === 'string') return FORWARDING[value] ?? value;
  if (field === 'groupIds' && Array.isArray(value)) return value.length ? value.map((id) => groupName(String(id)) ?? 'a deleted group').join(', ') : 'none';
  if (field.startsWith('settings.officeHours.days.') && Array.isArray(value)) {
    return value.length ? value.map((r) => (r && typeof r === 'object' ? `${String((r as { from?: unknown }).from)}–${String((r as { to?: unknown }).to)}` : String(r))).join(', ') : 'closed';
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** "just now", "5 minutes ago", "yesterday"… (luxon), never in the future even if the clocks disagree. */
export function auditWhenText(at: number, now: number, zone = 'system'): string {
  if (now - at < 45_000) return 'just now';
  return DateTime.fromMillis(Math.min(at, now), { zone }).setLocale('en-GB').toRelative({ base: DateTime.fromMillis(now, { zone }) }) ?? '';
}

/** The full date and time for a tooltip or a screen reader: "Monday 9 November 2026, 14:05 (Europe/London)". */
export function auditWhenFull(at: number, zone = 'system'): string {
  const when = DateTime.fromMillis(at, { zone }).setLocale('en-GB');
  return `${when.toFormat('cccc d LLLL yyyy, HH:mm')} (${when.zoneName})`;
}
