import type { FailureCause } from '../../common/schemas/engine';
import type { Presence } from '../../common/schemas/presence';
import type { ReachabilityReason, RegistrationFailure } from '../../common/schemas/registration';

/**
 * Every word main itself shows the agent: the tray and native notifications
 * (the window makes its own from the codes main sends it). One table, so a
 * second language is a second table, not a hunt through services.
 */
export const messages = {
  app: 'Ringdesk',
  presence: {
    available: 'Available',
    away: 'Away',
    dnd: 'Do Not Disturb',
    offline: 'Offline',
  } satisfies Record<Presence, string>,
  /** Short: a tray tooltip line and the tray menu's first line. */
  reachability: {
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
  } satisfies Record<ReachabilityReason, string>,
  tray: {
    tooltip: (account: string | null, state: string, ringing: boolean) =>
      `${account ? `Ringdesk — ${account}` : 'Ringdesk'}\n${state}${ringing ? '' : ' — calls will not ring'}`,
    reconnect: 'Reconnect now',
    show: 'Show Ringdesk',
    quit: 'Quit Ringdesk',
  },
  notifications: {
    signInFailed: 'Ringdesk cannot sign in — calls will not ring',
    connectionLost: 'Calls will not ring — connection lost',
    connectionLostBody: 'Ringdesk lost its connection to the phone server and is reconnecting.',
    incomingCall: 'Incoming call',
    /** Several calls from one caller in a burst, shown as one notification. */
    callsFrom: (count: number, who: string) => `${count} calls from ${who}`,
    answer: 'Answer',
    decline: 'Decline',
    missedCallFrom: (who: string) => `Missed call from ${who}`,
    missedCallsFrom: (count: number, who: string) => `${count} missed calls from ${who}`,
    missedCallBody: 'Open Ringdesk to call back.',
    unknownCaller: 'Unknown caller',
  },
} as const;

const CAUSE_SUMMARY: Record<FailureCause, string> = {
  auth: 'Wrong user name or password',
  network: 'The phone server cannot be reached',
  server: 'The phone server refused the registration',
  timeout: 'The phone server did not answer in time',
};

/** One line for a notification body: what went wrong, with the status code. Open the window for the full story. */
export function failureSummary(failure: RegistrationFailure): string {
  const code = failure.statusCode ? ` (${failure.statusCode})` : '';
  return `${CAUSE_SUMMARY[failure.cause]}${code}. Open Ringdesk to see why.`;
}
