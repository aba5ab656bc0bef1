import type { AfterCommit, TeamTransaction } from './team-writes';

/**
 * What a team change tells connected apps: the id and the new version of
 * every agent and group it changed, read inside the transaction so the
 * versions are the committed ones. Sent after the commit (writeTeam).
 */
export async function announceAgents(trx: TeamTransaction, after: AfterCommit, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx.selectFrom('agent').select(['id', 'version']).where('id', 'in', [...new Set(ids)]).execute();
  after.announce(...rows.map((r) => ({ type: 'agent-changed' as const, agentId: r.id, version: r.version })));
}

export async function announceGroups(trx: TeamTransaction, after: AfterCommit, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx.selectFrom('agent_group').select(['id', 'version']).where('id', 'in', [...new Set(ids)]).execute();
  after.announce(...rows.map((r) => ({ type: 'group-changed' as const, groupId: r.id, version: r.version })));
}
