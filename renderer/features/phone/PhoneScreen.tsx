import { useShallow } from 'zustand/react/shallow';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectAccountHeader } from '../../store/selectors';
import { PhoneTabs } from './PhoneTabs';
import { PresenceSelect } from './PresenceSelect';
import { RegistrationStatus } from './RegistrationStatus';

/**
 * The agent's everyday screen: who they are, whether they are reachable,
 * their presence, and the Phone / History / Settings tabs. (Calls are shown
 * by the app above every screen.)
 */
export function PhoneScreen() {
  const header = useRingdesk(useShallow(selectAccountHeader));
  const openAccountEditor = useRingdesk((s) => s.openAccountEditor);
  if (!header) return null;
  return (
    <section className="phone" aria-labelledby="phone-account-name">
      <header className="phone-header">
        <div className="phone-identity">
          {/* Names come from the account or the server: always text, never markup. */}
          <h1 id="phone-account-name" className="account-name">
            {header.displayName}
          </h1>
          <p className="account-aor">{header.aor}</p>
        </div>
        <button type="button" onClick={openAccountEditor}>
          Edit account
        </button>
      </header>
      <div className="phone-status">
        <PresenceSelect />
        <RegistrationStatus />
      </div>
      <PhoneTabs />
    </section>
  );
}
