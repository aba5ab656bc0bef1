import { sql, type Expression, type SqlBool } from 'kysely';
import type { AgentList, AgentListQuery } from '../../common/schemas/workspace/agent';
import type { Database } from '../db/open-database';
import { groupIdsOf } from './agent-records';

/**
 * The team list: filters and search in SQL, one page of summary rows
 * (no pictures, no settings), and every listed agent's groups in one more
 * query — three queries whatever the page size.
 *
 * Search matches any part of the name, email or extension, ignoring case
 * for ASCII letters on both engines (SQLite's LIKE folds only ASCII; on
 * PostgreSQL ILIKE is used the same way). `%` and `_` typed by the user
 * match themselves.
 */
export async function listAgents(database: Database, query: AgentListQuery): Promise<AgentList> {
  let base = database.db.selectFrom('agent');
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = database.dialect === 'postgres' ? sql.raw('ilike') : sql.raw('like');
    const matches = (column: string): Expression<SqlBool> => sql<SqlBool>`${sql.ref(column)} ${like} ${pattern} escape '\\'`;
    base = base.where((eb) => eb.or([matches('agent.full_name'), matches('agent.email'), matches('agent.extension')]));
  }
  if (query.role) base = base.where('agent.role', '=', query.role);
  if (query.status) base = base.where('agent.status', '=', query.status);
  if (query.groupId) {
    const groupId = query.groupId;
    base = base.where('agent.id', 'in', (eb) => eb.selectFrom('group_member').select('group_member.agent_id').where('group_member.group_id', '=', groupId));
  }
  const [count, rows] = await Promise.all([
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    base
      .select(['agent.id', 'agent.email', 'agent.full_name', 'agent.extension', 'agent.sip_user', 'agent.personal_phone', 'agent.role', 'agent.status', 'agent.version', 'agent.updated_at'])
      .select(sql<number>`case when agent.picture is null then 0 else 1 end`.as('has_picture'))
      .orderBy('agent.full_name')
      .orderBy('agent.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
  ]);
  const groups = await groupIdsOf(database.db, rows.map((r) => r.id));
  return {
    total: Number(count.n),
    agents: rows.map((r) => ({
      id: r.id,
      email: r.email,
      fullName: r.full_name,
      extension: r.extension,
      sipUser: r.sip_user,
      personalPhone: r.personal_phone,
      role: r.role,
      status: r.status,
      groupIds: (groups.get(r.id) ?? []).sort(),
      hasPicture: Number(r.has_picture) === 1,
      version: r.version,
      updatedAt: r.updated_at,
    })),
  };
}

/** An agent's picture as bytes and type, for `<img src>`; null when it has none (or no such agent). */
export async function agentPicture(database: Database, id: string): Promise<{ type: string; bytes: Buffer; version: number } | null> {
  const row = await database.db.selectFrom('agent').select(['picture', 'version']).where('id', '=', id).executeTakeFirst();
  const match = row?.picture ? /^data:(image\/(?:png|jpeg|webp));base64,(.*)$/.exec(row.picture) : null;
  if (!row || !match) return null;
  return { type: match[1]!, bytes: Buffer.from(match[2]!, 'base64'), version: row.version };
}
