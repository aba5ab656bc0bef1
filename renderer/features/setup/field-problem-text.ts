import { MAX_DISPLAY_NAME, MAX_ICE_SERVERS } from '../../../common/schemas/account';
import type { FieldProblem } from '../../../common/schemas/field-errors';
import { MIN_PASSWORD } from '../../../common/schemas/workspace/auth';

/** The words shown next to a field for each problem main or the form found. */
export const FIELD_PROBLEM_TEXT: Record<FieldProblem, string> = {
  'display-name-missing': 'Enter the name callers should see',
  'display-name-too-long': `Keep the name to ${MAX_DISPLAY_NAME} characters or fewer`,
  'sip-user-missing': 'Enter your SIP user or address, e.g. 1001 or sip:1001@pbx.example.com',
  'sip-user-invalid': 'This is not a SIP user or address (e.g. 1001 or sip:1001@pbx.example.com)',
  'domain-missing': 'Enter the domain, or write the SIP user as user@domain',
  'domain-invalid': 'Enter a host name such as pbx.example.com, without sip: or a port',
  'ws-server-missing': "Enter your phone server's address; it starts with wss://",
  'ws-server-not-a-url': 'Enter the full address, e.g. wss://pbx.example.com:8089/ws',
  'ws-server-insecure': 'Unencrypted ws:// is only allowed for a server on this computer; use wss://',
  'ws-server-scheme': 'The address must start with wss:// (or ws:// for a server on this computer)',
  'ice-url-invalid': 'Use a stun:, turn: or turns: address, e.g. stun:stun.example.com:3478',
  'ice-too-many': `At most ${MAX_ICE_SERVERS} ICE servers`,
  'password-missing': 'Enter your SIP password',
  'password-needed-for-test': 'Type the password to test the connection',
  'password-again-for-changed-server': 'Enter the password again for the changed server or user',
  'country-invalid': 'Use a two-letter country code such as US or DE',
  'call-answered-before-start': 'A call cannot be answered before it started',
  'call-ended-before-start': 'A call cannot end before it started or was answered',
  'email-missing': 'Enter an email address',
  'email-invalid': 'Enter an email address such as ana@example.com',
  'email-taken': 'A teammate already uses this email',
  'full-name-missing': 'Enter the full name',
  'extension-missing': 'Enter an extension',
  'extension-invalid': 'Use 2 to 6 digits, e.g. 104',
  'extension-taken': 'This extension is taken by a teammate or a group',
  'phone-invalid': 'Use the international format, e.g. +44 20 7946 0958',
  'picture-too-large': 'Choose a smaller picture',
  'picture-invalid': 'Choose a PNG, JPEG or WebP picture',
  'office-hours-invalid': 'Each period needs a start before its end, e.g. 09:00 to 17:00',
  'time-zone-invalid': 'Choose a time zone from the list',
  'role-invalid': 'Choose Basic or Administrator',
  'groups-missing': 'Every agent needs at least one group',
  'group-unknown': 'One of the groups no longer exists; choose again',
  'group-name-missing': 'Enter a group name',
  'group-name-taken': 'Another group has this name',
  'group-number-invalid': 'Use 2 to 6 digits, e.g. 600',
  'group-number-taken': 'This number is taken by a teammate or a group',
  'agent-unknown': 'One of these teammates no longer exists; choose again',
  'dashboard-admins-only': 'The Extended Agents Dashboard is for Administrators only',
  'dashboard-team-too-small': 'The Extended Agents Dashboard needs a team of more than 3 agents',
  'owner-must-be-active': 'Ownership can go only to a teammate who has accepted their invitation',
  'unknown-field': 'This field is not known here; update the app',
  'password-too-short': `Use at least ${MIN_PASSWORD} characters`,
  'workspace-name-missing': 'Enter a name for your team',
  'too-long': 'This is too long',
  invalid: 'Check this field',
};

export function fieldProblemText(problem: FieldProblem): string {
  return FIELD_PROBLEM_TEXT[problem];
}
