import type { WorkspaceFailure } from '../../../common/schemas/workspace/app-session';

/** "in 3 minutes", "in 40 seconds": when a locked sign-in may be tried again. */
function retryIn(seconds: number | undefined): string {
  if (seconds === undefined) return 'in a few minutes';
  if (seconds < 90) return `in ${Math.max(1, Math.round(seconds))} seconds`;
  return `in ${Math.ceil(seconds / 60)} minutes`;
}

const TEXT: Record<WorkspaceFailure, (retryAfterSec?: number) => string> = {
  'invalid-request': () => 'Some fields need attention.',
  unauthorized: () => 'Your session has ended. Sign in again.',
  forbidden: () => 'Only administrators can do this.',
  'not-found': () => 'This no longer exists in your workspace; it may have been deleted.',
  'version-conflict': () => 'Someone changed this just now. Review the changes and save again.',
  'field-conflict': () => 'Some fields need attention.',
  'last-owner': () => 'The workspace needs its Owner: hand ownership to someone else first.',
  'owner-only': () => 'Only the workspace Owner can do this.',
  'agent-needs-group': () => 'Every agent needs at least one group; move them to another group first.',
  'rate-limited': (s) => `Too many attempts. For your security, try again ${retryIn(s)}.`,
  'sign-in-failed': () => 'That email and password do not match. Check them and try again.',
  'account-pending': () => 'Your account is not active yet: open the invitation email and set your password first.',
  'account-disabled': () => 'Your account is disabled. Ask your team administrator.',
  'session-ended': () => 'Your session has ended. Sign in again.',
  'invitation-expired': () => 'This invitation has expired. Ask your administrator to send a new one.',
  'invitation-used': () => 'This invitation was already used. Sign in with your email and password.',
  'invitation-invalid': () => 'This invitation link is not valid. Ask your administrator to send a new one.',
  'agent-already-active': () => 'This agent has already accepted the invitation and signs in with their own password: there is nothing to resend.',
  'workspace-exists': () => 'This workspace is already set up. Sign in instead.',
  'workspace-missing': () => 'This workspace is not set up yet. Ask your administrator.',
  'payload-too-large': () => 'That is too large to save (a smaller picture may help).',
  internal: () => 'Your workspace had a problem. Try again in a moment.',
  'workspace-unreachable': () => 'Cannot reach your workspace. Check the address and your connection, then try again.',
  'workspace-not-ringdesk': () => 'This address does not answer as a Ringdesk workspace. Check it with your administrator.',
};

/** The window's words for a workspace refusal (main and the workspace send codes only). */
export function workspaceFailureText(failure: WorkspaceFailure, retryAfterSec?: number): string {
  return (TEXT[failure] ?? TEXT.internal)(retryAfterSec);
}
