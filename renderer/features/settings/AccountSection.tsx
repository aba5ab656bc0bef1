import { UserRound } from 'lucide-react';
import { useRingdesk } from '../../store/RingdeskStoreProvider';

/**
 * The account the phone uses, with the details an admin asks for when
 * helping ("which server?") and the way to change it.
 */
export function AccountSection() {
  const account = useRingdesk((s) => s.snapshot?.account ?? null);
  const openAccountEditor = useRingdesk((s) => s.openAccountEditor);
  if (!account) return null;
  return (
    <section className="settings-group account-section" aria-labelledby="settings-account-heading">
      <h2 id="settings-account-heading" className="settings-heading">
        <UserRound className="icon-md" aria-hidden="true" />
        Account
      </h2>
      <dl className="account-details">
        <dt>Name</dt>
        <dd>{account.displayName}</dd>
        <dt>Address</dt>
        <dd>{account.aor}</dd>
        <dt>Server</dt>
        <dd>{account.fields.wsServer}</dd>
      </dl>
      <button type="button" onClick={openAccountEditor}>
        Edit account
      </button>
    </section>
  );
}
