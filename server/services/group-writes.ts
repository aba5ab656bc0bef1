import { randomUUID } from 'node:crypto';
import type { Group, GroupCreate, GroupPatch } from '../../common/schemas/workspace/group';
import { Refusal } from '../http/refusal';
import { groupIdsOf } from './agent-records';
import { assertVersion, lockedGroupRow } from './locked-rows';
import type { AgentEditor } from './agent-edit';
import { changedFields, recordChanges, recordEntries } from './audit-trail';
import { memberIdsOf, readGroup, toGroup } from './group-queries';
import { agentsOnlyIn, groupNameTaken, groupNumberTaken, missingIds } from './team-checks';
import { syncRouting, teamSipDomain } from './team-routing';
import { announceAgents, announceGroups } from './live-announcements';
import { refuseFields, writeTeam, type TeamDeps, type TeamTransaction } from './team-writes';

/**
 * Groups: create, rename, renumber, change members, delete — each one
 * transaction with its checks (unique name and number, a number that is
 * nobody's extension, members that exist, nobody left without a group),
 * the group number's Kamailio aliases (every active member rings) and the
 * audit trail, on the group and on each agent whose groups changed.
 */

export async function createGroup(deps: TeamDeps, editor: AgentEditor, input: GroupCreate): Promise<Group> {
  return writeTeam(deps, async (trx, after) => {
    const memberIds = [...new Set(input.memberIds ?? [])];
    refuseFields({
      name: (await groupNameTaken(trx, input.name)) ? 'group-name-taken' : undefined,
      number: input.number && (await groupNumberTaken(trx, input.number)) ? 'group-number-taken' : undefined,
      memberIds: (await missingIds(trx, 'agent', memberIds)).length > 0 ? 'agent-unknown' : undefined,
    });
    const now = deps.clock.now();
    const id = randomUUID();
    const row = { id, name: input.name, number: input.number ?? null, version: 1, created_at: now, updated_at: now, updated_by: editor.agentId };
    await trx.insertInto('agent_group').values(row).execute();
    await changeMembers(trx, editor, now, id, [], memberIds);
    await recordChanges(trx, now, editor, { kind: 'group', id }, [{ field: 'created', oldValue: null, newValue: auditedGroup(toGroup(row, memberIds)) }]);
    await syncRouting(trx, await teamSipDomain(trx, deps.config), { groupIds: [id] });
    await announceGroups(trx, after, [id]);
    await announceAgents(trx, after, memberIds);
    return toGroup(row, memberIds);
  });
}

export async function editGroup(deps: TeamDeps, editor: AgentEditor, id: string, patch: GroupPatch): Promise<Group> {
  return writeTeam(deps, async (trx, after) => {
    const row = await lockedGroupRow(trx, id, deps.database.dialect);
    await assertVersion(trx, row, patch.version);
    const before = toGroup(row, await memberIdsOf(trx, id));
    const renamed = patch.name !== undefined && patch.name !== row.name;
    const renumbered = patch.number !== undefined && patch.number !== row.number;
    const wanted = patch.memberIds ? [...new Set(patch.memberIds)] : before.memberIds;
    const wantedSet = new Set(wanted);
    const beforeSet = new Set(before.memberIds);
    const leaving = before.memberIds.filter((m) => !wantedSet.has(m));
    refuseFields({
      name: renamed && (await groupNameTaken(trx, patch.name!, id)) ? 'group-name-taken' : undefined,
      number: renumbered && patch.number && (await groupNumberTaken(trx, patch.number, id)) ? 'group-number-taken' : undefined,
      memberIds: (await missingIds(trx, 'agent', wanted.filter((m) => !beforeSet.has(m)))).length > 0 ? 'agent-unknown' : undefined,
    });
    await refuseIfStranded(trx, id, leaving);
    const joining = wanted.filter((m) => !beforeSet.has(m));
    // Saved unchanged: nothing written, the version stays.
    if (!renamed && !renumbered && leaving.length === 0 && joining.length === 0) return before;

    const now = deps.clock.now();
    await trx
      .updateTable('agent_group')
      .set({ name: patch.name ?? row.name, number: patch.number !== undefined ? patch.number : row.number, version: row.version + 1, updated_at: now, updated_by: editor.agentId })
      .where('id', '=', id)
      .execute();
    await changeMembers(trx, editor, now, id, before.memberIds, wanted);
    const saved = (await readGroup(trx, id))!;
    await recordChanges(trx, now, editor, { kind: 'group', id }, changedFields(auditedGroup(before), auditedGroup(saved)));
    await syncRouting(trx, await teamSipDomain(trx, deps.config), { groupIds: [id], retiredAliases: renumbered ? [row.number] : [] });
    await announceGroups(trx, after, [id]);
    await announceAgents(trx, after, [...leaving, ...joining]);
    return saved;
  });
}

/** Refused while it would leave any member with no group (`agentIds` names them). */
export async function deleteGroup(deps: TeamDeps, editor: AgentEditor, id: string): Promise<void> {
  await writeTeam(deps, async (trx, after) => {
    const row = await lockedGroupRow(trx, id, deps.database.dialect);
    const members = await memberIdsOf(trx, id);
    await refuseIfStranded(trx, id, members);
    const now = deps.clock.now();
    await changeMembers(trx, editor, now, id, members, []);
    await trx.deleteFrom('agent_group').where('id', '=', id).execute();
    await recordChanges(trx, now, editor, { kind: 'group', id }, [{ field: 'deleted', oldValue: auditedGroup(toGroup(row, members)), newValue: null }]);
    await syncRouting(trx, await teamSipDomain(trx, deps.config), { retiredAliases: [row.number] });
    after.announce({ type: 'group-removed', groupId: id });
    await announceAgents(trx, after, members);
  });
}

async function refuseIfStranded(trx: TeamTransaction, groupId: string, leaving: readonly string[]): Promise<void> {
  const stranded = await agentsOnlyIn(trx, groupId, leaving);
  if (stranded.length > 0) throw new Refusal('agent-needs-group', { agentIds: stranded.slice(0, 100) });
}

function auditedGroup(group: Group): Record<string, unknown> {
  return { name: group.name, number: group.number, memberIds: group.memberIds };
}

/**
 * Moves the group's members from `current` to `wanted`: rows in chunks, each
 * changed agent's version moves on (its `groupIds` changed — an admin
 * editing it from an older copy is told) and its trail gets a `groupIds` row.
 */
async function changeMembers(trx: TeamTransaction, editor: AgentEditor, now: number, groupId: string, current: readonly string[], wanted: readonly string[]): Promise<void> {
  const currentSet = new Set(current);
  const wantedSet = new Set(wanted);
  const removed = current.filter((a) => !wantedSet.has(a));
  const added = wanted.filter((a) => !currentSet.has(a));
  const changed = [...removed, ...added];
  if (changed.length === 0) return;
  const groupsBefore = await groupIdsOf(trx, changed);
  for (const part of chunks(removed)) await trx.deleteFrom('group_member').where('group_id', '=', groupId).where('agent_id', 'in', part).execute();
  for (const part of chunks(added)) await trx.insertInto('group_member').values(part.map((agent_id) => ({ group_id: groupId, agent_id }))).execute();
  for (const part of chunks(changed)) {
    await trx.updateTable('agent').set((eb) => ({ version: eb('version', '+', 1), updated_at: now, updated_by: editor.agentId })).where('id', 'in', part).execute();
  }
  await recordEntries(
    trx,
    now,
    editor,
    changed.map((agentId) => {
      const old = [...(groupsBefore.get(agentId) ?? [])].sort();
      const next = wantedSet.has(agentId) ? [...old, groupId].sort() : old.filter((g) => g !== groupId);
      return { target: { kind: 'agent' as const, id: agentId }, field: 'groupIds', oldValue: old, newValue: next };
    }),
  );
}

function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
