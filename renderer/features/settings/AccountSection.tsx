import { UserRound } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useRingdesk } from '../../store/RingdeskStoreProvider';

const ROLE_TEXT = { basic: 'Agent', admin: 'Administrator', owner: 'Owner' } as const;

/**
 * The account the phone uses, with the details an admin asks for when
 * helping ("which server?") and the way to change it: Edit account for a
 * typed-in SIP account, Sign out for a team workspace (which owns the SIP
 * account then).
 */
export function AccountSection() {
  const { account, workspace, busy } = useRingdesk(
    useShallow((s) => ({ account: s.snapshot?.account ?? null, workspace: s.snapshot?.workspace ?? null, busy: s.setup.status !== 'idle' })),
  );
  const openAccountEditor = useRingdesk((s) => s.openAccountEditor);
  const signOut = useRingdesk((s) => s.signOutOfWorkspace);
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
        {workspace && (
          <>
            <dt>Team</dt>
            <dd>
              {workspace.name ?? workspace.url}
              {workspace.connection === 'offline' && ' (offline: showing the last copy)'}
            </dd>
            <dt>Email</dt>
            <dd>{workspace.agent.email}</dd>
            <dt>Extension</dt>
            <dd>{workspace.agent.extension}</dd>
            <dt>Role</dt>
            <dd>{ROLE_TEXT[workspace.agent.role]}</dd>
          </>
        )}
        <dt>Address</dt>
        <dd>{account.aor}</dd>
        <dt>Server</dt>
        <dd>{account.fields.wsServer}</dd>
      </dl>
      {workspace ? (
        <button type="button" disabled={busy} onClick={() => void signOut()}>
          Sign out
        </button>
      ) : (
        <button type="button" onClick={openAccountEditor}>
          Edit account
        </button>
      )}
    </section>
  );
}
