import { ArrowLeft } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountSummary } from '../../../common/schemas/account';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { hasAdvancedValue, isAdvancedKey, isShownAtField, type FormAction } from './account-form';
import { AdvancedSection } from './AdvancedSection';
import { FormField } from './FormField';
import { FormProblem, TestConnectionStatus } from './FormStatus';
import { IceServersEditor } from './IceServersEditor';
import { fieldProblemText } from './field-problem-text';
import { useAccountForm } from './use-account-form';
import './setup.css';

/**
 * The SIP account form: on first run after "Use a SIP account" (with Back to
 * the welcome), and "Edit account" when `account` is given (prefilled, with
 * Cancel, and a blank password keeps the saved one). The display name takes
 * focus when it opens.
 */
export function AccountSetupForm({ account }: { account: AccountSummary | null }) {
  const form = useAccountForm(account);
  const { status, test, formError } = useRingdesk(useShallow((s) => s.setup));
  const { saveAccount, testConnection, closeAccountEditor, showFirstRunStep } = useRingdesk(
    useShallow((s) => ({
      saveAccount: s.saveAccount,
      testConnection: s.testConnection,
      closeAccountEditor: s.closeAccountEditor,
      showFirstRunStep: s.showFirstRunStep,
    })),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const editing = account !== null;
  const busy = status !== 'idle';
  // Open from the start when the account already uses an advanced setting, so nothing saved is out of sight.
  const [advancedOpen, setAdvancedOpen] = useState(() => hasAdvancedValue(form.values));
  // A field to fix is never folded away: hiding it would hide the way to save.
  const advancedHeld = form.showsProblem(isAdvancedKey);
  // Opened for a problem, it stays open once fixed: it must not vanish under the agent's typing.
  if (advancedHeld && !advancedOpen) setAdvancedOpen(true);
  const advancedExpanded = advancedOpen || advancedHeld;

  // After a refused submit (ours or main's), take the agent to the first thing to fix.
  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const checked = (action: FormAction) => {
    if (form.checkAll(action)) return true;
    setFocusRequest((n) => n + 1);
    return false;
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !checked('save')) return;
    void saveAccount(form.toInput()).then((saved) => {
      if (!saved) setFocusRequest((n) => n + 1);
    });
  };
  // A blank password is stopped here, next to the field: main never tests with the saved one.
  const onTest = () => {
    if (!busy && checked('test')) void testConnection(form.toInput());
  };

  const unplaced = Object.entries(form.serverErrors).filter(([key]) => !isShownAtField(key));
  const problem =
    unplaced.map(([, code]) => fieldProblemText(code)).join(' ') ||
    (Object.keys(form.serverErrors).length > 0 ? 'Some fields need another look. Check the messages below.' : formError);

  return (
    <form ref={formRef} className="setup" noValidate aria-busy={busy} aria-labelledby="setup-title" onSubmit={onSubmit}>
      {!editing && (
        <button type="button" className="link setup-back" disabled={busy} onClick={() => showFirstRunStep('welcome')}>
          <ArrowLeft className="setup-icon" aria-hidden />
          Back
        </button>
      )}
      <h1 id="setup-title">{editing ? 'Edit account' : 'Set up your phone account'}</h1>
      <FormProblem message={problem} />
      <FormField label="Display name" hint="What the people you call see" autoComplete="name" autoFocus required {...form.bind('displayName')} />
      <FormField
        label="SIP user or address"
        hint="For example 1001 or sip:1001@pbx.example.com"
        autoComplete="username"
        required
        {...form.bind('sipUser')}
      />
      <FormField label="Domain" hint="Needed when the SIP user has no @domain" {...form.bind('domain')} />
      <FormField
        label="Password"
        type="password"
        autoComplete="current-password"
        required={form.passwordRequired}
        hint={form.passwordRequired ? undefined : 'Leave blank to keep the saved password'}
        {...form.bind('password')}
      />
      <FormField
        label="Server address"
        placeholder="wss://pbx.example.com:8089/ws"
        hint="Starts with wss:// — your administrator has it"
        autoComplete="url"
        required
        {...form.bind('wsServer')}
      />
      <AdvancedSection expanded={advancedExpanded} held={advancedHeld} onToggle={() => setAdvancedOpen(advancedHeld || !advancedExpanded)}>
        <FormField label="Auth user (optional)" hint="Only if your server logs you in under another name" {...form.bind('authUser')} />
        <FormField label="Realm (optional)" hint="Only if your server's realm differs from the domain" {...form.bind('realm')} />
        <IceServersEditor
          rows={form.values.iceServers}
          errorFor={form.errorFor}
          onAdd={form.ice.add}
          onRemove={form.ice.remove}
          onChange={form.ice.change}
          onBlur={form.ice.blur}
        />
      </AdvancedSection>
      {/* Kept in view at the bottom of even the smallest window: the agent never scrolls to find Save. */}
      <div className="setup-footer">
        <TestConnectionStatus status={status} test={test} />
        <div className="form-actions">
          <button type="button" onClick={onTest} disabled={busy}>
            Test connection
          </button>
          {editing && (
            <button type="button" onClick={closeAccountEditor}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            Save and connect
          </button>
        </div>
      </div>
    </form>
  );
}
