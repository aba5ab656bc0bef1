import type { RegistrationView } from '../../../common/schemas/registration';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { registrationStatusText, selectRegistration } from '../../store/selectors';
import { useNowUntil } from './use-now-until';

/** "Connected", "Connecting…", "Reconnecting in 7 s (attempt 3)", … */
export function RegistrationStatus() {
  const registration = useRingdesk(selectRegistration);
  return (
    <span className={`registration registration-${registration.status}`}>
      {registration.status === 'reconnecting' ? (
        // Keyed by the deadline so each new wait starts from a fresh clock.
        <ReconnectCountdown key={registration.nextAttemptAt} registration={registration} />
      ) : (
        <span data-testid="registration-status">{registrationStatusText(registration, 0)}</span>
      )}
    </span>
  );
}

function ReconnectCountdown({ registration }: { registration: Extract<RegistrationView, { status: 'reconnecting' }> }) {
  const now = useNowUntil(registration.nextAttemptAt);
  return <span data-testid="registration-status">{registrationStatusText(registration, now)}</span>;
}
