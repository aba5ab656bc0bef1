import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FieldProblem } from '../../../common/schemas/field-errors';
import type { Agent, AgentCreate, AgentPatch } from '../../../common/schemas/workspace/agent';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DiscardChangesDialog } from '../../components/DiscardChangesDialog';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { FormField } from '../setup/FormField';
import { FormProblem } from '../setup/FormStatus';
import { fieldProblemText } from '../setup/field-problem-text';
import { AGENT_FIELDS, agentFormValues, emptyAgentForm, isDirty, lockedFields, roleChoices, toCreateBody, toPatch, type AgentField, type AgentFormValues, type Editor } from './agent-form';
import { AgentActivity } from './AgentActivity';
import { GroupChoices } from './GroupChoices';
import { InvitationPanel } from './InvitationPanel';

export interface AgentFormProps {
  /** The agent being edited, as read from the workspace; null to add one. */
  agent: Agent | null;
  editor: Editor;
  /** Saved, deleted, or left: back to the list. */
  onClose: () => void;
}

/**
 * Add or edit a teammate: full name, email, extension, personal phone, role
 * and groups (the later settings have their own forms). Checked with the
 * workspace's own schemas before asking; the workspace's refusals go under
 * their fields. When someone else saved first, the admin's input stays and
 * the form is based on the newer copy, so saving again is a deliberate act.
 */
export function AgentForm({ agent, editor, onClose }: AgentFormProps) {
  const headingId = useId();
  const groups = useRingdesk((s) => s.team.groups);
  const { createAgent, updateAgent, deleteAgent, readAgent, setUnsavedChanges } = useRingdesk(
    useShallow((s) => ({ createAgent: s.createTeamAgent, updateAgent: s.updateTeamAgent, deleteAgent: s.deleteTeamAgent, readAgent: s.readTeamAgent, setUnsavedChanges: s.setUnsavedChanges })),
  );
  const [base, setBase] = useState<Agent | null>(agent);
  const [initial] = useState<AgentFormValues>(() => (agent ? agentFormValues(agent) : emptyAgentForm(groups.length === 1 ? [groups[0]!.id] : [])));
  const [values, setValues] = useState<AgentFormValues>(initial);
  const [checked, setChecked] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, FieldProblem>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<'delete' | 'discard' | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const dirty = isDirty(values, initial);
  useEffect(() => setUnsavedChanges(dirty), [dirty, setUnsavedChanges]);
  useEffect(() => () => setUnsavedChanges(false), [setUnsavedChanges]);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (focusRequest > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const checkedBody = base ? toPatch(values, base) : toCreateBody(values);
  const clientFields = checkedBody.ok ? {} : checkedBody.fields;
  const errorFor = (field: AgentField): string | undefined => {
    const problem = (checked && clientFields[field]) || serverFields[field];
    return problem ? fieldProblemText(problem) : undefined;
  };
  const locked = lockedFields(editor, base);
  const set = <F extends AgentField>(field: F, value: AgentFormValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerFields(({ [field]: _gone, ...rest }) => rest);
  };
  const bind = (field: Exclude<AgentField, 'role' | 'groupIds'>) => ({ value: values[field], error: errorFor(field), onChange: (v: string) => set(field, v), disabled: busy || field in locked, hint: locked[field] });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setChecked(true);
    setMessage(null);
    if (!checkedBody.ok) return setFocusRequest((n) => n + 1);
    if (base && checkedBody.value === null) return onClose();
    setBusy(true);
    const result = base ? await updateAgent(base.id, checkedBody.value as AgentPatch) : await createAgent(checkedBody.value as AgentCreate);
    setBusy(false);
    if (result.ok) {
      setUnsavedChanges(false);
      return onClose();
    }
    const { refusal } = result;
    setServerFields(refusal.fields);
    setMessage(refusal.message ?? unplacedText(refusal.fields));
    if (refusal.conflict && base) {
      // Keep what the admin typed; base the next save on the copy saved meanwhile.
      const latest = await readAgent(base.id);
      if (latest.ok) setBase(latest.value);
    }
    setFocusRequest((n) => n + 1);
  };

  const leave = () => (dirty ? setAsking('discard') : onClose());
  const confirmDelete = async () => {
    if (!base) return;
    setBusy(true);
    const result = await deleteAgent(base.id);
    setBusy(false);
    setAsking(null);
    if (result.ok) {
      setUnsavedChanges(false);
      return onClose();
    }
    setMessage(result.refusal.message ?? unplacedText(result.refusal.fields));
  };

  const title = base ? `Edit ${base.fullName}` : 'Add agent';
  return (
    <form ref={form} className="team-form" noValidate aria-labelledby={headingId} aria-busy={busy} onSubmit={(e) => void onSubmit(e)}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {base && <InvitationPanel agent={base} />}
      <FormProblem message={message} />
      <FormField label="Full name" autoComplete="off" required {...bind('fullName')} />
      <FormField label="Email" type="email" autoComplete="off" required {...bind('email')} hint={locked.email ?? (base ? undefined : 'The invitation goes to this address')} />
      <FormField label="Extension" inputMode="numeric" autoComplete="off" required {...bind('extension')} hint="2 to 6 digits callers can dial" />
      <FormField label="Personal phone (optional)" type="tel" autoComplete="off" {...bind('personalPhone')} hint="For forwarding, in the international format, e.g. +44 20 7946 0958" />
      <RoleField value={values.role} onChange={(role) => set('role', role)} choices={roleChoices(editor, base)} locked={locked.role} error={errorFor('role')} disabled={busy} />
      <GroupChoices groups={groups} value={values.groupIds} onChange={(ids) => set('groupIds', ids)} error={errorFor('groupIds')} disabled={busy} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : base ? 'Save changes' : 'Add agent'}
        </button>
        <button type="button" onClick={leave} disabled={busy}>
          Cancel
        </button>
        {base && (
          <button type="button" className="team-delete" onClick={() => setAsking('delete')} disabled={busy || base.role === 'owner'} aria-describedby={base.role === 'owner' ? `${headingId}-owner` : undefined}>
            Delete agent
          </button>
        )}
      </div>
      {base?.role === 'owner' && (
        <p id={`${headingId}-owner`} className="field-hint">
          The Owner cannot be deleted; hand over ownership first.
        </p>
      )}
      {base && <AgentActivity agentId={base.id} />}
      {asking === 'delete' && base && (
        <ConfirmDialog title={`Delete ${base.fullName}?`} confirmLabel="Delete agent" destructive busy={busy} onConfirm={() => void confirmDelete()} onCancel={() => setAsking(null)}>
          <p>
            {base.fullName} (ext. {base.extension}) leaves the team: they can no longer sign in and their phone stops ringing. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {asking === 'discard' && (
        <DiscardChangesDialog onDiscard={onClose} onKeep={() => setAsking(null)} />
      )}
    </form>
  );
}

/** Field problems the form has no field for, in words. */
function unplacedText(fields: Record<string, FieldProblem>): string | null {
  const other = Object.entries(fields).filter(([key]) => !AGENT_FIELDS.includes(key as AgentField));
  return other.length ? other.map(([, code]) => fieldProblemText(code)).join(' ') : null;
}

function RoleField(props: { value: Agent['role']; onChange: (role: Agent['role']) => void; choices: ReturnType<typeof roleChoices>; locked: string | undefined; error: string | undefined; disabled: boolean }) {
  const id = useId();
  const note = props.error ?? props.locked;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>Role</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled || props.locked !== undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={note ? `${id}-note` : undefined}
        onChange={(e) => {
          const choice = props.choices.find((c) => c.value === e.target.value);
          if (choice && !choice.disabled) props.onChange(choice.value);
        }}
      >
        {props.choices.map((c) => (
          <option key={c.value} value={c.value} disabled={c.disabled}>
            {c.label}
          </option>
        ))}
      </select>
      {note && (
        <p id={`${id}-note`} className={props.error ? 'field-error' : 'field-hint'}>
          {note}
        </p>
      )}
    </div>
  );
}
