import { useShallow } from 'zustand/react/shallow';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectAccountHeader } from '../../store/selectors';
import { initialsOf } from './identity';
import { PresenceMenu } from './PresenceMenu';
import { RegistrationStatus } from './RegistrationStatus';

/**
 * Who the agent is and whether calls reach them, at a glance: initials,
 * name, extension and the line's state, with presence one click away.
 * The full SIP address is for admins: it is in the tooltip and in Settings.
 */
export function IdentityHeader() {
  const header = useRingdesk(useShallow(selectAccountHeader));
  if (!header) return null;
  const { extension } = header;
  return (
    <header className="identity-header">
      <span className="avatar" aria-hidden="true">
        {initialsOf(header.displayName, extension)}
      </span>
      <div className="identity-text" title={header.aor}>
        {/* Names come from the account or the server: always text, never markup. */}
        <h1 id="phone-account-name" className="account-name">
          {header.displayName}
        </h1>
        <p className="account-line">
          <span className="account-extension">Ext. {extension}</span>
          <span aria-hidden="true"> · </span>
          <RegistrationStatus />
        </p>
      </div>
      <PresenceMenu />
    </header>
  );
}
