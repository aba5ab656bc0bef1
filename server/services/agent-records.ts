import { agentSettingsSchema, type Agent, type AgentSettings } from '../../common/schemas/workspace/agent';
import type { Database } from '../db/open-database';
import type { AgentTable } from '../db/schema';
import type { TeamTransaction } from './team-writes';

/**
 * Agent rows ↔ the shared `Agent` shape, and the reads every agent change
 * starts with. Settings are JSON in the row, checked with the shared schema
 * on the way out too, so a hand-edited row cannot reach an app unchecked.
 */

type Db = TeamTransaction | Database['db'];

export function parseSettings(text: string): AgentSettings {
  return agentSettingsSchema.parse(JSON.parse(text));
}

export function toAgent(row: AgentTable, groupIds: readonly string[]): Agent {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    extension: row.extension,
    sipUser: row.sip_user,
    personalPhone: row.personal_phone,
    role: row.role,
    status: row.status,
    groupIds: [...groupIds].sort(),
    picture: row.picture,
    settings: parseSettings(row.settings),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** The record as the audit trail compares it: everything an admin can see and change. */
export function auditedAgent(agent: Agent): Record<string, unknown> {
  const { id: _id, version: _version, updatedAt: _updatedAt, sipUser: _sipUser, ...fields } = agent;
  return fields;
}

/** Group ids per agent, in one query for any number of agents (never one query per agent). */
export async function groupIdsOf(db: Db, agentIds: readonly string[]): Promise<Map<string, string[]>> {
  const byAgent = new Map<string, string[]>(agentIds.map((id) => [id, []]));
  for (let i = 0; i < agentIds.length; i += 1000) {
    const rows = await db.selectFrom('group_member').select(['agent_id', 'group_id']).where('agent_id', 'in', agentIds.slice(i, i + 1000)).execute();
    for (const r of rows) byAgent.get(r.agent_id)?.push(r.group_id);
  }
  return byAgent;
}

export async function readAgent(db: Db, id: string): Promise<Agent | null> {
  const row = await db.selectFrom('agent').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return toAgent(row, (await groupIdsOf(db, [id])).get(id) ?? []);
}
