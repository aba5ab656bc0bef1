import type { RegistrationView } from '../../preload/schemas/registration';
import { describeFailure } from '../../preload/schemas/failure-text';
import type { DesktopNotification } from '../ports/notifier';

export const REACHABILITY_TAG = 'reachability';

export type NotificationDecision = { show: DesktopNotification } | { close: string } | null;

const LOST = new Set<RegistrationView['status']>(['reconnecting', 'waiting-for-network', 'failed']);

/**
 * Which registration changes deserve a native notification. Losing the
 * ability to receive calls must never pass unnoticed while the window is
 * hidden; intended states (offline, asleep, quitting) stay quiet.
 */
export function decideReachabilityNotification(input: {
  prev: RegistrationView;
  next: RegistrationView;
  /** Is a reachability notification currently on screen? */
  alerted: boolean;
  wsServer?: string;
}): NotificationDecision {
  const { prev, next, alerted, wsServer } = input;
  if (alerted && (next.status === 'registered' || next.status === 'offline' || next.status === 'no-account')) {
    return { close: REACHABILITY_TAG };
  }
  if (next.status === 'failed' && prev.status !== 'failed') {
    return {
      show: {
        tag: REACHABILITY_TAG,
        title: 'Ringdesk cannot sign in — calls will not ring',
        body: describeFailure(next, wsServer),
        urgent: true,
      },
    };
  }
  if (LOST.has(next.status) && prev.status === 'registered') {
    return {
      show: {
        tag: REACHABILITY_TAG,
        title: 'Calls will not ring — connection lost',
        body: 'Ringdesk lost its connection to the phone server and is reconnecting.',
        urgent: true,
      },
    };
  }
  return null;
}
