import type { RegistrationView } from '../../common/schemas/registration';
import { decideReachabilityNotification } from '../domain/notification-policy';
import type { Notifier } from '../ports/notifier';

/**
 * The native notification that says the agent cannot receive calls, and
 * withdraws it once they can (decided by domain/notification-policy.ts).
 */
export function createReachabilityNotifier(deps: { notifier: Notifier; showWindow: () => void }) {
  let alerted = false;
  return {
    registrationChanged(prev: RegistrationView, next: RegistrationView): void {
      const decision = decideReachabilityNotification({ prev, next, alerted });
      if (!decision) return;
      if ('close' in decision) {
        alerted = false;
        deps.notifier.close(decision.close);
      } else {
        alerted = true;
        deps.notifier.show(decision.show, { onClick: deps.showWindow });
      }
    },
  };
}
