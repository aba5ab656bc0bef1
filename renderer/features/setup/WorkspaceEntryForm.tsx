import { ArrowLeft } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { z } from 'zod';
import { fieldErrors, type FieldProblem } from '../../../common/schemas/field-errors';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import type { FirstRunStep } from '../../store/types';
import { FormField } from './FormField';
import { FormProblem } from './FormStatus';
import { fieldProblemText } from './field-problem-text';
import { useFocusOnMount } from './use-focus-on-mount';
import './setup.css';

export interface EntryField {
  /** The key the shared schema (and main's refusals) name the field by, e.g. `owner.email`. */
  key: string;
  label: string;
  type?: 'text' | 'password';
  autoComplete?: string;
  placeholder?: string;
  hint?: string;
}

/**
 * A first-run form that talks to a team workspace (sign in, create the team):
 * the fields are checked with the same schema main uses; main's refusals
 * (wrong password, locked, unreachable, email taken) are shown in words, under
 * the field they name or above the form; typed values are never lost, and
 * focus goes to the first field with a problem.
 */
export function WorkspaceEntryForm<S extends z.ZodType>(props: {
  id: string;
  title: string;
  fields: readonly EntryField[];
  schema: S;
  /** The typed values as the schema wants them (nesting, values the agent does not type). */
  toInput: (values: Record<string, string>) => unknown;
  submit: (input: z.output<S>) => Promise<boolean>;
  submitLabel: string;
  busyLabel: string;
  back: FirstRunStep;
  /** Values filled in for the agent (a sign-in link's address and email). */
  initialValues?: Readonly<Record<string, string>>;
  /** The field that takes focus when the form appears, instead of its heading (the one left to type). */
  focusKey?: string | undefined;
  children?: ReactNode;
}) {
  const heading = useFocusOnMount<HTMLHeadingElement>(props.focusKey === undefined);
  const { status, formError, serverErrors } = useRingdesk(useShallow((s) => ({ status: s.setup.status, formError: s.setup.formError, serverErrors: s.setup.fieldErrors })));
  const { showFirstRunStep, clearServerFieldErrors } = useRingdesk(useShallow((s) => ({ showFirstRunStep: s.showFirstRunStep, clearServerFieldErrors: s.clearServerFieldErrors })));
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(props.fields.map((f) => [f.key, props.initialValues?.[f.key] ?? ''])));
  const [checked, setChecked] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = status !== 'idle';

  const parsed = props.schema.safeParse(props.toInput(values));
  const clientErrors: Record<string, FieldProblem> = parsed.success ? {} : fieldErrors(parsed.error);
  const errorFor = (key: string) => {
    const problem = (checked && clientErrors[key]) || serverErrors[key];
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
    void props.submit(parsed.data).then((ok) => {
      if (!ok) setFocusRequest((n) => n + 1);
    });
  };
  const keys = new Set(props.fields.map((f) => f.key));
  const unplaced = Object.entries(serverErrors).filter(([key]) => !keys.has(key));

  return (
    <form ref={formRef} className="setup setup-team" noValidate aria-busy={busy} aria-labelledby={`${props.id}-title`} onSubmit={onSubmit}>
      <button type="button" className="link setup-back" disabled={busy} onClick={() => showFirstRunStep(props.back)}>
        <ArrowLeft className="setup-icon" aria-hidden />
        Back
      </button>
      <h1 id={`${props.id}-title`} tabIndex={-1} ref={heading}>
        {props.title}
      </h1>
      <FormProblem message={unplaced.map(([, code]) => fieldProblemText(code)).join(' ') || formError} />
      {props.fields.map((field) => (
        <FormField
          key={field.key}
          label={field.label}
          type={field.type}
          autoComplete={field.autoComplete}
          placeholder={field.placeholder}
          hint={field.hint}
          autoFocus={field.key === props.focusKey}
          required
          value={values[field.key] ?? ''}
          error={errorFor(field.key)}
          onChange={(value: string) => {
            setValues((v) => ({ ...v, [field.key]: value }));
            clearServerFieldErrors(field.key);
          }}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? props.busyLabel : props.submitLabel}
        </button>
        {props.children}
      </div>
    </form>
  );
}
