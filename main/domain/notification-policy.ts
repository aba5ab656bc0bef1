import type { RegistrationView } from '../../common/schemas/registration';
import { failureSummary, messages } from '../messages/messages';
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
}): NotificationDecision {
  const { prev, next, alerted } = input;
  if (alerted && (next.status === 'registered' || next.status === 'offline' || next.status === 'no-account')) {
    return { close: REACHABILITY_TAG };
  }
  if (next.status === 'failed' && prev.status !== 'failed') {
    return {
      show: {
        tag: REACHABILITY_TAG,
        title: messages.notifications.signInFailed,
        body: failureSummary(next),
        urgent: true,
      },
    };
  }
  if (LOST.has(next.status) && prev.status === 'registered') {
    return {
      show: {
        tag: REACHABILITY_TAG,
        title: messages.notifications.connectionLost,
        body: messages.notifications.connectionLostBody,
        urgent: true,
      },
    };
  }
  return null;
}
