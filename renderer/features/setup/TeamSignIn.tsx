import { ArrowLeft } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fieldErrors, type FieldProblem } from '../../../common/schemas/field-errors';
import { appSignInSchema } from '../../../common/schemas/workspace/app-session';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { FormField } from './FormField';
import { FormProblem } from './FormStatus';
import { fieldProblemText } from './field-problem-text';
import { useFocusOnMount } from './use-focus-on-mount';
import './setup.css';

type Field = 'url' | 'email' | 'password';
const FIELDS: readonly Field[] = ['url', 'email', 'password'];

/**
 * "Sign in to your team": the workspace address, work email and password.
 * The workspace then hands over the SIP account and the phone registers;
 * nothing else is typed. Problems are checked here with the same schema main
 * uses, and main's refusals (wrong password, locked, unreachable) are shown
 * in words above the form; the typed values are never lost.
 */
export function TeamSignIn() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { status, formError, serverErrors } = useRingdesk(useShallow((s) => ({ status: s.setup.status, formError: s.setup.formError, serverErrors: s.setup.fieldErrors })));
  const { showFirstRunStep, signIn, clearServerFieldErrors } = useRingdesk(
    useShallow((s) => ({ showFirstRunStep: s.showFirstRunStep, signIn: s.signInToWorkspace, clearServerFieldErrors: s.clearServerFieldErrors })),
  );
  const [values, setValues] = useState<Record<Field, string>>({ url: '', email: '', password: '' });
  const [checked, setChecked] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = status !== 'idle';

  const parsed = appSignInSchema.safeParse(values);
  const clientErrors: Record<string, FieldProblem> = parsed.success ? {} : fieldErrors(parsed.error);
  const errorFor = (field: Field) => {
    const problem = (checked && clientErrors[field]) || serverErrors[field];
    return problem ? fieldProblemText(problem) : undefined;
  };

  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setChecked(true);
    if (!parsed.success) {
      setFocusRequest((n) => n + 1);
      return;
    }
    void signIn(parsed.data).then((ok) => {
      if (!ok) setFocusRequest((n) => n + 1);
    });
  };
  const bind = (field: Field) => ({
    value: values[field],
    error: errorFor(field),
    onChange: (value: string) => {
      setValues((v) => ({ ...v, [field]: value }));
      clearServerFieldErrors(field);
    },
  });
  const unplaced = Object.entries(serverErrors).filter(([key]) => !FIELDS.includes(key as Field));

  return (
    <form ref={formRef} className="setup setup-team" noValidate aria-busy={busy} aria-labelledby="team-title" onSubmit={onSubmit}>
      <button type="button" className="link setup-back" disabled={busy} onClick={() => showFirstRunStep('welcome')}>
        <ArrowLeft className="setup-icon" aria-hidden />
        Back
      </button>
      <h1 id="team-title" tabIndex={-1} ref={heading}>
        Sign in to your team
      </h1>
      <FormProblem message={unplaced.map(([, code]) => fieldProblemText(code)).join(' ') || formError} />
      <FormField label="Workspace address" placeholder="https://team.example.com" autoComplete="url" required hint="Your administrator gave you this, or it is in your invitation email" {...bind('url')} />
      <FormField label="Work email" autoComplete="username" required {...bind('email')} />
      <FormField label="Password" type="password" autoComplete="current-password" required {...bind('password')} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {status === 'signing-in' ? 'Signing in…' : 'Sign in'}
        </button>
        <button type="button" className="link" disabled={busy} onClick={() => showFirstRunStep('sip')}>
          Use a SIP account instead
        </button>
      </div>
    </form>
  );
}
