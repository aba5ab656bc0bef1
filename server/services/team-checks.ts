import { DASHBOARD_MIN_TEAM } from '../../common/schemas/workspace/agent';
import { sql } from 'kysely';
import type { FieldProblem } from '../../common/schemas/field-errors';
import type { AgentRole } from '../../common/schemas/workspace/agent';
import type { TeamTransaction } from './team-writes';

/**
 * The team's rules that need the database, asked inside the change's
 * transaction (under the team lock, so the answers hold until it commits).
 * Dialled numbers share one space: an extension may not be a group's
 * number, nor a group number someone's extension.
 */

export async function emailTaken(trx: TeamTransaction, email: string, exceptAgentId?: string): Promise<boolean> {
  let q = trx.selectFrom('agent').select('id').where('email', '=', email);
  if (exceptAgentId) q = q.where('id', '!=', exceptAgentId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Taken by another agent's extension or by any group's number. */
export async function extensionTaken(trx: TeamTransaction, extension: string, exceptAgentId?: string): Promise<boolean> {
  let q = trx.selectFrom('agent').select('id').where('extension', '=', extension);
  if (exceptAgentId) q = q.where('id', '!=', exceptAgentId);
  if (await q.executeTakeFirst()) return true;
  return (await trx.selectFrom('agent_group').select('id').where('number', '=', extension).executeTakeFirst()) !== undefined;
}

/** Taken by another group's number or by any agent's extension. */
export async function groupNumberTaken(trx: TeamTransaction, number: string, exceptGroupId?: string): Promise<boolean> {
  let q = trx.selectFrom('agent_group').select('id').where('number', '=', number);
  if (exceptGroupId) q = q.where('id', '!=', exceptGroupId);
  if (await q.executeTakeFirst()) return true;
  return (await trx.selectFrom('agent').select('id').where('extension', '=', number).executeTakeFirst()) !== undefined;
}

/** Names are compared without case: "Sales" and "sales" would be the same group to anyone reading them. */
export async function groupNameTaken(trx: TeamTransaction, name: string, exceptGroupId?: string): Promise<boolean> {
  let q = trx.selectFrom('agent_group').select('id').where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptGroupId) q = q.where('id', '!=', exceptGroupId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The ids among `ids` that name no row of `table`. */
export async function missingIds(trx: TeamTransaction, table: 'agent' | 'agent_group', ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = new Set<string>();
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await trx.selectFrom(table).select('id').where('id', 'in', unique.slice(i, i + 1000)).execute();
    for (const r of rows) found.add(r.id);
  }
  return unique.filter((id) => !found.has(id));
}

/**
 * Members of `groupId` (all, or only `among`) who belong to no other group:
 * removing them from it, or deleting it, would leave them with none.
 */
export async function agentsOnlyIn(trx: TeamTransaction, groupId: string, among?: readonly string[]): Promise<string[]> {
  if (among && among.length === 0) return [];
  let q = trx
    .selectFrom('group_member as gm')
    .select('gm.agent_id')
    .where('gm.group_id', '=', groupId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('group_member as other').select('other.agent_id').whereRef('other.agent_id', '=', 'gm.agent_id').where('other.group_id', '!=', groupId))),
    );
  if (among) q = q.where('gm.agent_id', 'in', [...among]);
  return (await q.execute()).map((r) => r.agent_id);
}


/**
 * Whether an agent of `role` may turn on the Extended Agents Dashboard, in a
 * team that (after the change) counts `extraAgents` more than now. Disabled
 * agents do not count: they are not part of the working team.
 */
export async function dashboardProblem(trx: TeamTransaction, role: AgentRole, extraAgents = 0): Promise<FieldProblem | null> {
  if (role === 'basic') return 'dashboard-admins-only';
  const row = await trx.selectFrom('agent').select(sql<number>`count(*)`.as('n')).where('status', '!=', 'disabled').executeTakeFirstOrThrow();
  return Number(row.n) + extraAgents < DASHBOARD_MIN_TEAM ? 'dashboard-team-too-small' : null;
}
