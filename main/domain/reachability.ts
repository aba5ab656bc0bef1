import type { Presence } from '../../common/schemas/presence';
import type { Reachability, ReachabilityReason, RegistrationFailure, RegistrationView } from '../../common/schemas/registration';

/**
 * Answers "will my phone ring?" once, for the banner in the window and the
 * tray alike, so they can never disagree. An agent must never be unreachable
 * without being told why and what to do: every answer carries a reason code
 * that each side turns into its own words.
 */
export function deriveReachability(presence: Presence, view: RegistrationView, wsServer?: string): Reachability {
  const at = wsServer ? { server: wsServer } : {};
  switch (view.status) {
    case 'no-account':
      return off('error', 'unreachable', 'not-set-up', 'edit-account');
    case 'offline':
      return off('neutral', 'offline', 'offline', 'go-available');
    case 'starting':
      return off('warning', 'unreachable', 'starting');
    case 'suspended':
      return off('warning', 'unreachable', 'asleep');
    case 'waiting-for-network':
      return off('error', 'unreachable', 'no-network', 'retry');
    case 'registering':
      return { ...off('warning', 'unreachable', 'connecting'), ...at };
    case 'unregistering':
      return off('neutral', 'offline', 'signing-out');
    case 'reconnecting':
      // The countdown to the next attempt is drawn live by the window from nextAttemptAt.
      return { ...off('error', 'unreachable', 'reconnecting', 'retry'), failure: failureOf(view), ...at };
    case 'failed':
      return { ...off('error', 'unreachable', 'sign-in-failed', 'edit-account'), failure: failureOf(view), ...at };
    case 'registered':
      if (presence === 'dnd') return off('warning', 'dnd', 'dnd', 'go-available');
      return { canReceiveCalls: true, tone: 'ok', icon: presence, reason: presence === 'away' ? 'away' : 'available' };
  }
}

function failureOf(view: RegistrationFailure): RegistrationFailure {
  return {
    cause: view.cause,
    ...(view.statusCode !== undefined ? { statusCode: view.statusCode } : {}),
    ...(view.detail !== undefined ? { detail: view.detail } : {}),
  };
}

function off(tone: Reachability['tone'], icon: Reachability['icon'], reason: ReachabilityReason, action?: Reachability['action']): Reachability {
  return action ? { canReceiveCalls: false, tone, icon, reason, action } : { canReceiveCalls: false, tone, icon, reason };
}
