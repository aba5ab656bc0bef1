import type { Kysely, Selectable, Transaction } from 'kysely';
import { agentSettingsSchema, type Agent } from '../../common/schemas/workspace/agent';
import type { AgentTable, Schema } from '../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/** An agent row as read from the database. */
export type AgentRow = Selectable<AgentTable>;

/**
 * Agent rows as the app sees them (`agentSchema`): camelCase, settings parsed
 * back from JSON, and group ids from `group_member` — read in one query for
 * the whole list, sorted so answers are stable. The password hash never
 * leaves here: the view has no field for it.
 */
export async function agentViews(db: Db, rows: readonly AgentRow[]): Promise<Agent[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const memberships = await db.selectFrom('group_member').select(['agent_id', 'group_id']).where('agent_id', 'in', ids).execute();
  const groups = new Map<string, string[]>();
  for (const m of memberships) groups.set(m.agent_id, [...(groups.get(m.agent_id) ?? []), m.group_id]);
  return rows.map((row) => toAgent(row, (groups.get(row.id) ?? []).sort()));
}

/** One agent by id, as the app sees it; undefined when there is no such agent. */
export async function loadAgentView(db: Db, agentId: string): Promise<Agent | undefined> {
  const row = await db.selectFrom('agent').selectAll().where('id', '=', agentId).executeTakeFirst();
  return row ? (await agentViews(db, [row]))[0] : undefined;
}

function toAgent(row: AgentRow, groupIds: string[]): Agent {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    extension: row.extension,
    sipUser: row.sip_user,
    personalPhone: row.personal_phone,
    role: row.role,
    status: row.status,
    groupIds,
    picture: row.picture,
    // Written through the same schema; parsing again means a bad row fails here, named, not in the app.
    settings: agentSettingsSchema.parse(JSON.parse(row.settings)),
    version: row.version,
    updatedAt: row.updated_at,
  };
}
