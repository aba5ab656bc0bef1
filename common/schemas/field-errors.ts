import type { z } from 'zod';

/**
 * What can be wrong with a field, as a code: the schemas use these as their
 * zod messages and main names them in its refusals; the window turns them
 * into words next to the field (renderer/features/setup/field-problem-text.ts).
 */
export const FIELD_PROBLEMS = [
  'display-name-missing',
  'display-name-too-long',
  'sip-user-missing',
  'sip-user-invalid',
  'domain-missing',
  'domain-invalid',
  'ws-server-missing',
  'ws-server-not-a-url',
  'ws-server-insecure',
  'ws-server-scheme',
  'ice-url-invalid',
  'ice-too-many',
  'password-missing',
  'password-needed-for-test',
  'password-again-for-changed-server',
  'country-invalid',
  /** A call report's times out of order (a bug or a tampered page, never the agent's doing). */
  'call-answered-before-start',
  'call-ended-before-start',
  /** The team workspace: agents, groups, sign-in (common/schemas/workspace/). */
  'email-missing',
  'email-invalid',
  'email-taken',
  'full-name-missing',
  'extension-missing',
  'extension-invalid',
  'extension-taken',
  'phone-invalid',
  'picture-too-large',
  'picture-invalid',
  'office-hours-invalid',
  'time-zone-invalid',
  'role-invalid',
  'groups-missing',
  'group-unknown',
  'group-name-missing',
  'group-name-taken',
  'group-number-invalid',
  'group-number-taken',
  /** A member, or an agent named in a change, does not exist (any more). */
  'agent-unknown',
  /** The Extended Agents Dashboard is for Administrators and the Owner only… */
  'dashboard-admins-only',
  /** …and only once the team has more than 3 agents. */
  'dashboard-team-too-small',
  /** Ownership goes only to an agent who has confirmed their account. */
  'owner-must-be-active',
  /** The request named a field the workspace does not know (a typo, or an older or newer app). */
  'unknown-field',
  'password-too-short',
  'workspace-name-missing',
  'workspace-url-missing',
  'workspace-url-not-a-url',
  'workspace-url-insecure',
  'workspace-url-scheme',
  /** Generic: longer than the field allows. */
  'too-long',
  /** Generic: any other problem zod found. */
  'invalid',
] as const;
export type FieldProblem = (typeof FIELD_PROBLEMS)[number];

const KNOWN = new Set<string>(FIELD_PROBLEMS);

/**
 * Turns a schema failure into one problem per field ("fields.domain" →
 * "domain-missing"), the shape both the setup form and IPC errors use.
 * Checks without a code of ours get a generic one.
 */
export function fieldErrors(error: z.ZodError): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= KNOWN.has(issue.message) ? (issue.message as FieldProblem) : issue.code === 'too_big' ? 'too-long' : 'invalid';
  }
  return out;
}
