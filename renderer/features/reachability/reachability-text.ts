import type { Reachability, ReachabilityReason, RegistrationFailure } from '../../../common/schemas/registration';
import { describeFailure } from './failure-text';

/**
 * The window's words for "will my phone ring?" (main sends the reason as a
 * code; the tray's shorter words are in main/messages). One place, so the
 * banner and every other view of it read the same.
 *
 * Two audiences: the headline and detail are for the agent, in plain words
 * (no server addresses, status codes or protocol names); `technical` is for
 * the admin helping them, folded under "Details".
 */
export interface ReachabilityText {
  headline: string;
  detail: string;
  /** Label and value pairs for admins: the server, the status code, what exactly went wrong. Empty when there is nothing to add. */
  technical: TechnicalLine[];
}

/** One line of the admin's details, e.g. "Server" — "wss://pbx.example.com:8089/ws". */
export interface TechnicalLine {
  label: string;
  value: string;
}

const HEADLINES: Record<Exclude<ReachabilityReason, 'reconnecting' | 'sign-in-failed'>, string> = {
  'not-set-up': 'Not set up',
  offline: 'You are offline',
  starting: 'Starting the phone…',
  asleep: 'Computer asleep',
  'no-network': 'No network',
  connecting: 'Connecting to your phone system…',
  'signing-out': 'Signing out…',
  dnd: 'Do Not Disturb',
  available: 'Available',
  away: 'Away',
};

/**
 * @param retryInSec While reconnecting: whole seconds until the next
 *   automatic attempt (0: now), drawn live by the caller from main's
 *   `nextAttemptAt`. Left out, the headline names no time.
 */
export function reachabilityText(reachability: Reachability, retryInSec?: number): ReachabilityText {
  return { headline: headlineOf(reachability, retryInSec), detail: detailOf(reachability), technical: technicalOf(reachability) };
}

function headlineOf({ reason, failure }: Reachability, retryInSec: number | undefined): string {
  switch (reason) {
    case 'reconnecting': {
      const problem = reconnectProblem(failure);
      if (retryInSec === undefined) return problem;
      return retryInSec > 0 ? `${problem} — retrying in ${retryInSec} s` : `${problem} — retrying now`;
    }
    case 'sign-in-failed':
      return failure?.detail?.code === 'account.unusable' ? "Your account settings can't be used" : "Can't sign in to your phone system";
    default:
      return HEADLINES[reason];
  }
}

/** What is wrong while Ringdesk keeps retrying, as the agent would put it. */
function reconnectProblem(failure: RegistrationFailure | undefined): string {
  switch (failure?.cause) {
    case undefined:
    case 'network':
      return "Can't reach your phone system";
    case 'timeout':
      return "Your phone system isn't answering";
    case 'auth':
      return "Can't sign in to your phone system";
    case 'server':
      return failure.statusCode !== undefined && failure.statusCode >= 500 ? 'Your phone system has a problem' : 'Your phone system turned this phone away';
  }
}

function detailOf({ reason, failure }: Reachability): string {
  switch (reason) {
    case 'not-set-up':
      return 'Set up your phone account to start taking calls.';
    case 'offline':
      return 'Calls will not ring until you go available.';
    case 'starting':
      return 'Calls will ring once Ringdesk is connected.';
    case 'asleep':
      return 'Ringdesk reconnects as soon as the computer wakes up.';
    case 'no-network':
      return 'You cannot receive calls. Ringdesk reconnects when the network returns.';
    case 'connecting':
      return 'Calls will ring once the phone is connected.';
    case 'signing-out':
      return 'Taking this phone off your phone system.';
    case 'reconnecting':
      return 'Calls will not ring until Ringdesk gets through. It keeps trying by itself.';
    case 'sign-in-failed':
      return signInFailedDetail(failure);
    case 'dnd':
      return 'Calls will not ring: callers hear that you are busy.';
    case 'available':
    case 'away':
      return 'Calls will ring.';
  }
}

function signInFailedDetail(failure: RegistrationFailure | undefined): string {
  switch (failure?.detail?.code) {
    case 'account.unusable':
      return 'Calls will not ring. Check the account and save it again.';
    case 'auth.realm-mismatch':
      return "Calls will not ring. The account's sign-in settings do not match your phone system: your administrator can fix them (see Details).";
    default:
      return 'Wrong user name or password. Calls will not ring until they are corrected in your account.';
  }
}

function technicalOf({ failure, server }: Reachability): TechnicalLine[] {
  const lines: TechnicalLine[] = [];
  if (server) lines.push({ label: 'Server', value: server });
  if (!failure) return lines;
  if (failure.statusCode !== undefined) {
    const phrase = failure.detail && 'reason' in failure.detail ? failure.detail.reason : undefined;
    lines.push({ label: 'Status', value: phrase ? `${failure.statusCode} ${phrase}` : String(failure.statusCode) });
  }
  lines.push({ label: 'What happened', value: describeFailure(failure, server) });
  lines.push({ label: 'Failure code', value: failure.detail ? `${failure.cause} · ${failure.detail.code}` : failure.cause });
  return lines;
}
