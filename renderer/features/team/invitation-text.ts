import type { InvitationState, MailFailure } from '../../../common/schemas/workspace/invitation';
import type { IpcError } from '../../../preload/contract';
import { auditWhenText } from '../../domain/audit-words';
import { teamRefusalText } from './team-refusal-text';

/** Why an invitation email did not go out, in words the admin can act on. */
export const MAIL_FAILURE_TEXT: Record<MailFailure, string> = {
  'mail-server-unreachable': "the workspace could not reach its mail server. Check the workspace's mail settings, then resend",
  'mail-login-refused': "the mail server refused the workspace's login. Check the workspace's mail settings, then resend",
  'recipient-refused': 'the mail server refused this address. Check the email, then resend',
  'mail-refused': 'the mail server refused the email. Try resending later',
};

/** "Invitation sent 5 minutes ago", "Invitation not delivered — …", "Invitation expired 2 days ago — resend it"; null when none is open. */
export function invitationStatusText(state: InvitationState['invitation'], now: number, zone = 'system'): string | null {
  if (!state) return null;
  if (state.failure !== null) return `Invitation not delivered — ${MAIL_FAILURE_TEXT[state.failure]}.`;
  if (state.expiresAt <= now) return `Invitation expired ${auditWhenText(state.expiresAt, now, zone)} — resend it.`;
  if (state.sentAt === null) return 'Invitation being sent…';
  return `Invitation sent ${auditWhenText(state.sentAt, now, zone)}.`;
}

/** "in 57 minutes", "in 40 seconds", "in 1 hour". */
export function waitText(seconds: number): string {
  if (seconds < 90) return `in ${Math.max(1, Math.round(seconds))} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `in ${minutes} minutes`;
  return `in ${Math.round(minutes / 60)} hours`;
}

/** A resend the workspace refused, in words: when to try again, or why there is nothing to send. */
export function resendRefusalText(error: IpcError): string {
  if (error.code === 'workspace' && error.failure === 'rate-limited') {
    return `Three invitations were already sent to this agent in the last hour. You can resend ${error.retryAfterSec !== undefined ? waitText(error.retryAfterSec) : 'within the hour'}.`;
  }
  return teamRefusalText(error);
}
