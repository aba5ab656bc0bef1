import { useShallow } from 'zustand/react/shallow';
import { appSignInSchema } from '../../../common/schemas/workspace/app-session';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { WorkspaceEntryForm, type EntryField } from './WorkspaceEntryForm';

export const WORKSPACE_URL_FIELD: EntryField = {
  key: 'url',
  label: 'Workspace address',
  placeholder: 'https://team.example.com',
  autoComplete: 'url',
  hint: 'Your administrator gave you this, or it is in your invitation email',
};

const FIELDS: readonly EntryField[] = [
  WORKSPACE_URL_FIELD,
  { key: 'email', label: 'Work email', autoComplete: 'username' },
  { key: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
];

/**
 * "Sign in to your team": the workspace address, work email and password.
 * The workspace then hands over the SIP account and the phone registers;
 * nothing else is typed. A `ringdesk://sign-in` link opens it filled in.
 */
export function TeamSignIn() {
  const { showFirstRunStep, signIn } = useRingdesk(useShallow((s) => ({ showFirstRunStep: s.showFirstRunStep, signIn: s.signInToWorkspace })));
  const busy = useRingdesk((s) => s.setup.status !== 'idle');
  // Opened from an invitation's link: its address and email are filled in, and the password is what is left to type.
  const prefill = useRingdesk((s) => s.setup.teamPrefill);
  return (
    <WorkspaceEntryForm
      key={prefill?.seq ?? 0}
      id="team"
      title="Sign in to your team"
      fields={FIELDS}
      schema={appSignInSchema}
      toInput={(v) => v}
      submit={signIn}
      submitLabel="Sign in"
      busyLabel="Signing in…"
      back="welcome"
      initialValues={prefill ? { url: prefill.url, email: prefill.email } : undefined}
      focusKey={prefill ? (prefill.email ? 'password' : 'email') : undefined}
    >
      <button type="button" className="link" disabled={busy} onClick={() => showFirstRunStep('create-team')}>
        Create a new team
      </button>
      <button type="button" className="link" disabled={busy} onClick={() => showFirstRunStep('sip')}>
        Use a SIP account instead
      </button>
    </WorkspaceEntryForm>
  );
}
