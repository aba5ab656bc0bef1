import { fieldErrors, type FieldProblem } from '../../../common/schemas/field-errors';
import { agentCreateSchema, agentPatchSchema, type Agent, type AgentCreate, type AgentPatch, type AgentRole } from '../../../common/schemas/workspace/agent';

/** What the Add / Edit agent form holds, as typed. */
export interface AgentFormValues {
  fullName: string;
  email: string;
  extension: string;
  /** Empty: none. */
  personalPhone: string;
  role: AgentRole;
  groupIds: string[];
}

export type AgentField = keyof AgentFormValues;
export const AGENT_FIELDS: readonly AgentField[] = ['fullName', 'email', 'extension', 'personalPhone', 'role', 'groupIds'];

export function emptyAgentForm(groupIds: string[] = []): AgentFormValues {
  return { fullName: '', email: '', extension: '', personalPhone: '', role: 'basic', groupIds };
}

export function agentFormValues(agent: Pick<Agent, AgentField>): AgentFormValues {
  return { fullName: agent.fullName, email: agent.email, extension: agent.extension, personalPhone: agent.personalPhone ?? '', role: agent.role, groupIds: [...agent.groupIds] };
}

type Checked<T> = { ok: true; value: T } | { ok: false; fields: Record<string, FieldProblem> };

/** The body for adding an agent, checked with the schema main and the workspace use. */
export function toCreateBody(values: AgentFormValues): Checked<AgentCreate> {
  const phone = values.personalPhone.trim();
  const parsed = agentCreateSchema.safeParse({
    fullName: values.fullName,
    email: values.email,
    extension: values.extension,
    role: values.role,
    groupIds: values.groupIds,
    ...(phone ? { personalPhone: phone } : {}),
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: fieldErrors(parsed.error) };
}

const sameGroups = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Only what changed against `base` (the version the admin is editing), checked; null when nothing did. */
export function toPatch(values: AgentFormValues, base: Agent): Checked<AgentPatch | null> {
  const was = agentFormValues(base);
  const changes: Record<string, unknown> = {};
  for (const field of ['fullName', 'email', 'extension'] as const) if (values[field].trim() !== was[field]) changes[field] = values[field];
  if (values.personalPhone.trim() !== was.personalPhone) changes.personalPhone = values.personalPhone.trim() || null;
  if (values.role !== was.role) changes.role = values.role;
  if (!sameGroups(values.groupIds, was.groupIds)) changes.groupIds = values.groupIds;
  if (Object.keys(changes).length === 0) return { ok: true, value: null };
  const parsed = agentPatchSchema.safeParse({ version: base.version, ...changes });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: fieldErrors(parsed.error) };
}

/** The form holds something not saved: leaving it asks first. */
export function isDirty(values: AgentFormValues, base: AgentFormValues): boolean {
  return AGENT_FIELDS.some((f) => (f === 'groupIds' ? !sameGroups(values.groupIds, base.groupIds) : String(values[f]).trim() !== String(base[f]).trim()));
}

/** Who is editing: the signed-in agent. */
export interface Editor {
  id: string;
  role: AgentRole;
}

/** Fields the editor may not change on this agent, with the reason shown under them (the workspace enforces the same rules). */
export function lockedFields(editor: Editor, target: Pick<Agent, 'id' | 'role'> | null): Partial<Record<AgentField, string>> {
  if (!target || target.role !== 'owner') return {};
  if (editor.id === target.id) return { role: 'To hand over ownership, make another active teammate the Owner.' };
  return { role: 'Only the Owner can change their own role.', email: "Only the Owner can change the Owner's email." };
}

export interface RoleChoice {
  value: AgentRole;
  label: string;
  disabled: boolean;
}

/** The roles offered: Owner only for the Owner handing over to an active teammate (shown, disabled, to Administrators). */
export function roleChoices(editor: Editor, target: Pick<Agent, 'id' | 'role' | 'status'> | null): RoleChoice[] {
  const choices: RoleChoice[] = [
    { value: 'basic', label: 'Basic', disabled: false },
    { value: 'admin', label: 'Administrator', disabled: false },
  ];
  if (target?.role === 'owner') return [...choices, { value: 'owner', label: 'Owner', disabled: false }];
  const canHandOver = editor.role === 'owner' && target !== null && target.status === 'active';
  const label = canHandOver ? 'Owner (hands over ownership)' : editor.role === 'owner' ? 'Owner (once they have accepted the invitation)' : 'Owner (only the Owner can give this)';
  return [...choices, { value: 'owner', label, disabled: !canHandOver }];
}

