import { MAIL_FAILURES, type MailFailure } from '../../common/schemas/workspace/invitation';

/**
 * Why a send failed, as a code the admin's app puts into words. nodemailer
 * names its failures with `code` (and the mail server's `responseCode`):
 * no connection at all, the login refused, the recipient refused (the
 * envelope), or anything else the server said no to.
 */
export function mailFailureOf(err: unknown): MailFailure {
  const { code, responseCode } = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; responseCode?: unknown };
  if (code === 'EAUTH' || responseCode === 535) return 'mail-login-refused';
  if (code === 'EENVELOPE') return 'recipient-refused';
  if (code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'EDNS' || code === 'ECONNREFUSED' || code === 'EPROTOCOL') return 'mail-server-unreachable';
  return 'mail-refused';
}

/**
 * What is kept on the invitation row (`send_error`): the code first, in
 * brackets, then the mail server's own words for the log reader —
 * `[recipient-refused] Can't send mail - all recipients were rejected: 550 …`.
 */
export function sendErrorText(err: unknown): string {
  const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 300);
  return `[${mailFailureOf(err)}] ${reason}`;
}

/** The code back out of a stored `send_error` (rows written before codes were kept read as `mail-refused`). */
export function mailFailureIn(sendError: string | null): MailFailure | null {
  if (sendError === null) return null;
  const code = /^\[([a-z-]+)\]/.exec(sendError)?.[1];
  return (MAIL_FAILURES as readonly string[]).includes(code ?? '') ? (code as MailFailure) : 'mail-refused';
}
