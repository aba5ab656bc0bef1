import type { Reachability, ReachabilityReason } from '../../../common/schemas/registration';
import { describeFailure } from './failure-text';

/**
 * The window's words for "will my phone ring?" (main sends the reason as a
 * code; the tray's shorter words are in main/messages). One place, so the
 * banner and every other view of it read the same.
 */
export interface ReachabilityText {
  headline: string;
  detail: string;
}

const HEADLINES: Record<ReachabilityReason, string> = {
  'not-set-up': 'Not set up',
  offline: 'You are offline',
  starting: 'Starting the phone…',
  asleep: 'Computer asleep',
  'no-network': 'No network',
  connecting: 'Connecting…',
  'signing-out': 'Signing out…',
  reconnecting: 'Not reachable: reconnecting',
  'sign-in-failed': 'Not reachable: sign-in failed',
  dnd: 'Do Not Disturb',
  available: 'Available',
  away: 'Away',
};

export function reachabilityText(reachability: Reachability): ReachabilityText {
  return { headline: HEADLINES[reachability.reason], detail: detailOf(reachability) };
}

function detailOf({ reason, failure, server }: Reachability): string {
  switch (reason) {
    case 'not-set-up':
      return 'Enter your SIP account to start taking calls.';
    case 'offline':
      return 'Calls will not ring until you go available.';
    case 'starting':
      return 'Calls will ring once Ringdesk is connected.';
    case 'asleep':
      return 'Ringdesk reconnects as soon as the computer wakes up.';
    case 'no-network':
      return 'You cannot receive calls. Ringdesk reconnects when the network returns.';
    case 'connecting':
      return server ? `Registering with ${server}.` : 'Registering with the phone server.';
    case 'signing-out':
      return 'Removing this phone from the server.';
    case 'reconnecting':
      return `${failure ? describeFailure(failure, server) : ''} Ringdesk keeps trying automatically.`.trim();
    case 'sign-in-failed':
      return failure ? describeFailure(failure, server) : 'The phone server did not accept the account.';
    case 'dnd':
      return 'Incoming calls are rejected as busy.';
    case 'available':
    case 'away':
      return 'Calls will ring.';
  }
}
