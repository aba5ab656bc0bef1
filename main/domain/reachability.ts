import { describeFailure } from '../../preload/schemas/failure-text';
import type { Presence } from '../../preload/schemas/presence';
import type { Reachability, RegistrationView } from '../../preload/schemas/registration';

/**
 * Answers "will my phone ring?" once, for the banner in the window and the
 * tray alike, so they can never disagree. An agent must never be unreachable
 * without being told why and what to do.
 */
export function deriveReachability(presence: Presence, view: RegistrationView, wsServer?: string): Reachability {
  switch (view.status) {
    case 'no-account':
      return off('error', 'unreachable', 'Not set up', 'Enter your SIP account to start taking calls.', 'edit-account');
    case 'offline':
      return off('neutral', 'offline', 'You are offline', 'Calls will not ring until you go available.', 'go-available');
    case 'starting':
      return off('warning', 'unreachable', 'Starting the phone…', 'Calls will ring once Ringdesk is connected.');
    case 'suspended':
      return off('warning', 'unreachable', 'Computer asleep', 'Ringdesk reconnects as soon as the computer wakes up.');
    case 'waiting-for-network':
      return off('error', 'unreachable', 'No network', 'You cannot receive calls. Ringdesk reconnects when the network returns.', 'retry');
    case 'registering':
      return off('warning', 'unreachable', 'Connecting…', wsServer ? `Registering with ${wsServer}.` : 'Registering with the phone server.');
    case 'unregistering':
      return off('neutral', 'offline', 'Signing out…', 'Removing this phone from the server.');
    case 'reconnecting':
      // The countdown to the next attempt is drawn live by the window from nextAttemptAt.
      return off('error', 'unreachable', 'Not reachable: reconnecting', `${describeFailure(view, wsServer)} Ringdesk keeps trying automatically.`, 'retry');
    case 'failed':
      return off('error', 'unreachable', 'Not reachable: sign-in failed', describeFailure(view, wsServer), 'edit-account');
    case 'registered':
      if (presence === 'dnd') {
        return off('warning', 'dnd', 'Do Not Disturb', 'Incoming calls are rejected as busy.', 'go-available');
      }
      return {
        canReceiveCalls: true,
        tone: 'ok',
        icon: presence,
        headline: presence === 'away' ? 'Away' : 'Available',
        detail: 'Calls will ring.',
      };
  }
}

function off(
  tone: Reachability['tone'],
  icon: Reachability['icon'],
  headline: string,
  detail: string,
  action?: Reachability['action'],
): Reachability {
  return action ? { canReceiveCalls: false, tone, icon, headline, detail, action } : { canReceiveCalls: false, tone, icon, headline, detail };
}
