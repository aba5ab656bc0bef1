import type { Database } from '../db/open-database';
import type { AgentTable, GroupTable } from '../db/schema';
import { Refusal } from '../http/refusal';
import type { TeamTransaction } from './team-writes';

/**
 * What every edit starts with: the row, locked until the change commits,
 * and the check that the editor saw its current version.
 */

/**
 * The row to change, locked until the transaction ends (PostgreSQL; SQLite
 * holds the whole database already), or `not-found`.
 */
export async function lockedAgentRow(trx: TeamTransaction, id: string, dialect: Database['dialect']): Promise<AgentTable> {
  let q = trx.selectFrom('agent').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new Refusal('not-found');
  return row;
}

export async function lockedGroupRow(trx: TeamTransaction, id: string, dialect: Database['dialect']): Promise<GroupTable> {
  let q = trx.selectFrom('agent_group').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new Refusal('not-found');
  return row;
}

/**
 * Refuses an edit made against an older version: `changedBy` names who saved
 * the current one and when ("changed by Ana just now — review and save
 * again"); nothing is written.
 */
export async function assertVersion(trx: TeamTransaction, row: { version: number; updated_by: string | null; updated_at: number }, seen: number): Promise<void> {
  if (row.version === seen) return;
  const by = row.updated_by ? await trx.selectFrom('agent').select(['id', 'full_name']).where('id', '=', row.updated_by).executeTakeFirst() : undefined;
  throw new Refusal('version-conflict', by ? { changedBy: { agentId: by.id, fullName: by.full_name, at: row.updated_at } } : {});
}
