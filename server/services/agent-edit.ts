import type { FieldProblem } from '../../common/schemas/field-errors';
import type { Agent, AgentPatch, AgentRole, AgentSettings, AgentStatus, ProfilePatch } from '../../common/schemas/workspace/agent';
import { Refusal } from '../http/refusal';
import { auditedAgent, groupIdsOf, parseSettings, readAgent, toAgent } from './agent-records';
import { assertVersion, lockedAgentRow } from './locked-rows';
import { changedFields, recordChanges, type AuditActor } from './audit-trail';
import { ownerProblemOfChange } from './owner-rules';
import { dashboardProblem, emailTaken, extensionTaken, missingIds } from './team-checks';
import { syncRouting, teamSipDomain, unprovisionAgent } from './team-routing';
import { announceAgents, announceGroups } from './live-announcements';
import { refuseFields, writeTeam, type AfterCommit, type TeamDeps, type TeamTransaction } from './team-writes';

/** Who edits: the audit identity plus the role the rules look at. */
export type AgentEditor = AuditActor & { agentId: string; role: AgentRole };

/**
 * An admin's edit of any agent (`PATCH /api/v1/agents/:id`). Checked, in the
 * transaction: the version the editor saw, the Owner rules, unique email and
 * extension, existing groups, the dashboard preference. Then the row, its
 * memberships, Kamailio's rows and the audit trail change together.
 *
 * Status, as an admin sets it:
 *   active ──disable──► disabled ──enable──► pending ──(agent confirms)──► active
 *   active ──email changed──► pending (the new address is confirmed first)
 * A disabled agent has lost its SIP credentials, so enabling it invites it
 * again; `active` on a pending agent changes nothing (it is still waiting).
 */
export function editAgent(deps: TeamDeps, editor: AgentEditor, id: string, patch: AgentPatch): Promise<Agent> {
  return writeTeam(deps, (trx, after) => applyEdit(deps, trx, after, editor, id, patch));
}

/**
 * An agent's edit of their own profile and personal settings
 * (`PATCH /api/v1/me/profile`): the schema admits only those fields, and the
 * same rules, versioning and audit trail apply as for an admin's edit.
 */
export function editOwnProfile(deps: TeamDeps, editor: AgentEditor, patch: ProfilePatch): Promise<Agent> {
  return editAgent(deps, editor, editor.agentId, patch);
}

async function applyEdit(deps: TeamDeps, trx: TeamTransaction, after: AfterCommit, editor: AgentEditor, id: string, patch: AgentPatch): Promise<Agent> {
  const row = await lockedAgentRow(trx, id, deps.database.dialect);
  await assertVersion(trx, row, patch.version);
  const before = toAgent(row, (await groupIdsOf(trx, [id])).get(id) ?? []);

  const emailChanges = patch.email !== undefined && patch.email !== row.email;
  const disabling = patch.status === 'disabled' && row.status !== 'disabled';
  const reEnabling = patch.status === 'active' && row.status === 'disabled';
  const ownerProblem = ownerProblemOfChange(editor, row, { role: patch.role, emailChanges, status: disabling ? 'disabled' : undefined });
  if (ownerProblem) throw new Refusal(ownerProblem);
  const handover = patch.role === 'owner' && row.role !== 'owner';

  const role = patch.role ?? row.role;
  const settings = mergeSettings(before.settings, patch.settings);
  const problems: Partial<Record<string, FieldProblem>> = {
    email: emailChanges && (await emailTaken(trx, patch.email!, id)) ? 'email-taken' : undefined,
    extension: patch.extension !== undefined && patch.extension !== row.extension && (await extensionTaken(trx, patch.extension, id)) ? 'extension-taken' : undefined,
    groupIds: patch.groupIds && (await missingIds(trx, 'agent_group', patch.groupIds)).length > 0 ? 'group-unknown' : undefined,
    role: handover && row.status !== 'active' ? 'owner-must-be-active' : undefined,
    'settings.preferences.extendedDashboard': await dashboardRule(trx, role, before.settings, settings, patch),
  };
  refuseFields(problems);

  let status: AgentStatus = disabling ? 'disabled' : reEnabling ? 'pending' : row.status;
  if (emailChanges && status === 'active') status = 'pending';
  const confirmation = reEnabling ? 're-enabled' : emailChanges && status === 'pending' ? 'email-changed' : null;

  const next = {
    email: patch.email ?? row.email,
    full_name: patch.fullName ?? row.full_name,
    extension: patch.extension ?? row.extension,
    personal_phone: patch.personalPhone !== undefined ? patch.personalPhone : row.personal_phone,
    picture: patch.picture !== undefined ? patch.picture : row.picture,
    role,
    status,
    settings: JSON.stringify(settings),
  };
  const groupsChange = patch.groupIds !== undefined && [...new Set(patch.groupIds)].sort().join() !== before.groupIds.join();
  // Saving an unchanged form writes nothing: no new version that would make other editors review for nothing.
  if (!groupsChange && (Object.keys(next) as (keyof typeof next)[]).every((k) => (k === 'settings' ? JSON.stringify(parseSettings(row.settings)) === next.settings : next[k] === row[k]))) return before;

  const now = deps.clock.now();
  await trx
    .updateTable('agent')
    .set({ ...next, version: row.version + 1, updated_at: now, updated_by: editor.agentId })
    .where('id', '=', id)
    .execute();

  const changedGroups = groupsChange ? await replaceMemberships(trx, id, before.groupIds, patch.groupIds!, now, editor.agentId) : [];
  if (handover) await stepDownAsOwner(trx, editor, now);

  const domain = await teamSipDomain(trx, deps.config);
  if (row.status === 'active' && status !== 'active') {
    await unprovisionAgent(trx, domain, row);
    after.dropBindings(row.sip_user);
  }
  await syncRouting(trx, domain, { agentIds: [id], groupIds: changedGroups, retiredAliases: patch.extension && patch.extension !== row.extension ? [row.extension] : [] });

  const saved = (await readAgent(trx, id))!;
  await recordChanges(trx, now, editor, { kind: 'agent', id }, changedFields(auditedAgent(before), auditedAgent(saved)));
  if (confirmation) after.requestConfirmation({ agentId: id, email: saved.email, reason: confirmation, requestedBy: editor.agentId });
  // The agent (an admin's edit reaches it; a disabled one's connection is closed), the admins, the groups it moved.
  await announceAgents(trx, after, handover ? [id, editor.agentId] : [id]);
  await announceGroups(trx, after, changedGroups);
  return saved;
}

/** Each section given replaces the stored one whole; sections not given stay. */
function mergeSettings(current: AgentSettings, patch: AgentPatch['settings']): AgentSettings {
  return { ...current, ...Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== undefined)) };
}

/**
 * The Extended Agents Dashboard is for admins of teams of more than 3. Asked
 * for explicitly by a Basic agent: refused. Left on by an agent now demoted
 * to Basic: switched off in the same change (it is no longer theirs to have).
 * Turned on: the team must be big enough.
 */
async function dashboardRule(trx: TeamTransaction, role: AgentRole, before: AgentSettings, settings: AgentSettings, patch: AgentPatch): Promise<FieldProblem | undefined> {
  if (!settings.preferences.extendedDashboard) return undefined;
  const asked = patch.settings?.preferences?.extendedDashboard === true;
  if (role === 'basic') {
    if (asked) return 'dashboard-admins-only';
    settings.preferences = { ...settings.preferences, extendedDashboard: false };
    return undefined;
  }
  if (before.preferences.extendedDashboard) return undefined;
  return (await dashboardProblem(trx, role)) ?? undefined;
}

/** Sets the agent's groups; returns every group whose member list changed (their versions move on). */
async function replaceMemberships(trx: TeamTransaction, agentId: string, current: readonly string[], wanted: readonly string[], now: number, by: string): Promise<string[]> {
  const next = new Set(wanted);
  const removed = current.filter((g) => !next.has(g));
  const added = [...next].filter((g) => !current.includes(g));
  if (removed.length > 0) await trx.deleteFrom('group_member').where('agent_id', '=', agentId).where('group_id', 'in', removed).execute();
  if (added.length > 0) await trx.insertInto('group_member').values(added.map((group_id) => ({ group_id, agent_id: agentId }))).execute();
  const changed = [...removed, ...added];
  if (changed.length > 0) await trx.updateTable('agent_group').set((eb) => ({ version: eb('version', '+', 1), updated_at: now, updated_by: by })).where('id', 'in', changed).execute();
  return changed;
}

/** Handing ownership over: the Owner becomes an Administrator in the same change, so there is always exactly one. */
async function stepDownAsOwner(trx: TeamTransaction, owner: AgentEditor, now: number): Promise<void> {
  await trx
    .updateTable('agent')
    .set((eb) => ({ role: 'admin', version: eb('version', '+', 1), updated_at: now, updated_by: owner.agentId }))
    .where('id', '=', owner.agentId)
    .execute();
  await recordChanges(trx, now, owner, { kind: 'agent', id: owner.agentId }, [{ field: 'role', oldValue: 'owner', newValue: 'admin' }]);
}
