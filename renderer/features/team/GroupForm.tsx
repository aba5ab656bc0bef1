import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fieldErrors, type FieldProblem } from '../../../common/schemas/field-errors';
import type { AgentSummary } from '../../../common/schemas/workspace/agent';
import { groupCreateSchema, groupPatchSchema, type Group } from '../../../common/schemas/workspace/group';
import { DiscardChangesDialog } from '../../components/DiscardChangesDialog';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { useDebounced } from '../dialer/use-debounced';
import { FormField } from '../setup/FormField';
import { FormProblem } from '../setup/FormStatus';
import { fieldProblemText } from '../setup/field-problem-text';

/** The most members the form lists (the workspace's page limit). */
const MEMBERS_SHOWN = 500;

/** Create or edit a group: its name, the number that rings every member, and its members. */
export function GroupForm({ group, onClose }: { group: Group | null; onClose: () => void }) {
  const headingId = useId();
  const searchId = useId();
  const { createGroup, updateGroup, findAgents, setUnsavedChanges } = useRingdesk(
    useShallow((s) => ({ createGroup: s.createTeamGroup, updateGroup: s.updateTeamGroup, findAgents: s.findTeamAgents, setUnsavedChanges: s.setUnsavedChanges })),
  );
  const [name, setName] = useState(group?.name ?? '');
  const [number, setNumber] = useState(group?.number ?? '');
  const [members, setMembers] = useState<AgentSummary[]>([]);
  const [membersLoaded, setMembersLoaded] = useState(group === null);
  const [touched, setTouched] = useState(false);
  const [checked, setChecked] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, FieldProblem>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 250);
  const [found, setFound] = useState<AgentSummary[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (group) void findAgents({ groupId: group.id }, MEMBERS_SHOWN).then((list) => (setMembers(list), setMembersLoaded(true)));
  }, [group, findAgents]);
  useEffect(() => {
    if (search) void findAgents({ search }, 20).then(setFound);
  }, [search, findAgents]);
  const dirty = touched || name.trim() !== (group?.name ?? '') || number.trim() !== (group?.number ?? '');
  useEffect(() => setUnsavedChanges(dirty), [dirty, setUnsavedChanges]);
  useEffect(() => () => setUnsavedChanges(false), [setUnsavedChanges]);

  const body = { name, number: number.trim() || null, ...(membersLoaded ? { memberIds: members.map((m) => m.id) } : {}) };
  const parsed = group ? groupPatchSchema.safeParse({ version: group.version, ...body }) : groupCreateSchema.safeParse(body);
  const clientFields = parsed.success ? {} : fieldErrors(parsed.error);
  const errorFor = (field: 'name' | 'number') => {
    const problem = (checked && clientFields[field]) || serverFields[field];
    return problem ? fieldProblemText(problem) : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setMessage(null);
    if (!parsed.success || busy) return;
    setBusy(true);
    const result = group ? await updateGroup(group.id, groupPatchSchema.parse({ version: group.version, ...body })) : await createGroup(groupCreateSchema.parse(body));
    setBusy(false);
    if (result.ok) {
      setUnsavedChanges(false);
      return onClose();
    }
    setServerFields(result.refusal.fields);
    const other = Object.entries(result.refusal.fields).filter(([k]) => k !== 'name' && k !== 'number');
    setMessage(result.refusal.message ?? (other.length ? other.map(([, c]) => fieldProblemText(c)).join(' ') : null));
  };

  const memberIds = new Set(members.map((m) => m.id));
  return (
    <form className="team-form" noValidate aria-labelledby={headingId} aria-busy={busy} onSubmit={(e) => void onSubmit(e)}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {group ? `Edit ${group.name}` : 'New group'}
      </h2>
      <FormProblem message={message} />
      <FormField label="Group name" autoComplete="off" required value={name} onChange={(v) => (setName(v), setServerFields(({ name: _n, ...r }) => r))} error={errorFor('name')} disabled={busy} />
      <FormField
        label="Group number (optional)"
        inputMode="numeric"
        autoComplete="off"
        value={number}
        onChange={(v) => (setNumber(v), setServerFields(({ number: _n, ...r }) => r))}
        error={errorFor('number')}
        hint="Callers dial it to ring every member at once"
        disabled={busy}
      />
      <fieldset className="team-members">
        <legend>Members</legend>
        {!membersLoaded ? (
          <p className="field-hint">Loading…</p>
        ) : members.length === 0 ? (
          <p className="field-hint">No members yet.</p>
        ) : (
          <ul aria-label="Members">
            {members.map((m) => (
              <li key={m.id}>
                <span>
                  {m.fullName} · Ext. {m.extension}
                </span>
                <button type="button" disabled={busy} aria-label={`Remove ${m.fullName}`} onClick={() => (setMembers((list) => list.filter((x) => x.id !== m.id)), setTouched(true))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="field">
          <label htmlFor={searchId}>Add a teammate</label>
          <input id={searchId} type="search" autoComplete="off" spellCheck={false} placeholder="Name, email or extension" value={searchText} onChange={(e) => setSearchText(e.target.value)} disabled={!membersLoaded} />
        </div>
        {search !== '' && found.length > 0 && (
          <ul aria-label="Teammates found">
            {found
              .filter((a) => !memberIds.has(a.id))
              .map((a) => (
                <li key={a.id}>
                  <span>
                    {a.fullName} · Ext. {a.extension}
                  </span>
                  <button type="button" disabled={busy} aria-label={`Add ${a.fullName}`} onClick={() => (setMembers((list) => [...list, a]), setTouched(true))}>
                    Add
                  </button>
                </li>
              ))}
          </ul>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : group ? 'Save group' : 'Create group'}
        </button>
        <button type="button" disabled={busy} onClick={() => (dirty ? setDiscarding(true) : onClose())}>
          Cancel
        </button>
      </div>
      {discarding && (
        <DiscardChangesDialog onDiscard={onClose} onKeep={() => setDiscarding(false)} />
      )}
    </form>
  );
}
