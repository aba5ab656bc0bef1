import type { Group, GroupList } from '../../common/schemas/workspace/group';
import type { Database } from '../db/open-database';
import type { GroupTable } from '../db/schema';
import type { TeamTransaction } from './team-writes';

type Db = TeamTransaction | Database['db'];

export function toGroup(row: GroupTable, memberIds: readonly string[]): Group {
  return { id: row.id, name: row.name, number: row.number, memberIds: [...memberIds].sort(), version: row.version, updatedAt: row.updated_at };
}

/** Every group with its members: two queries, whatever the team's size. */
export async function listGroups(db: Db): Promise<GroupList> {
  const [groups, members] = await Promise.all([db.selectFrom('agent_group').selectAll().orderBy('name').execute(), db.selectFrom('group_member').select(['group_id', 'agent_id']).execute()]);
  const byGroup = new Map<string, string[]>(groups.map((g) => [g.id, []]));
  for (const m of members) byGroup.get(m.group_id)?.push(m.agent_id);
  return { groups: groups.map((g) => toGroup(g, byGroup.get(g.id) ?? [])) };
}

export async function memberIdsOf(db: Db, groupId: string): Promise<string[]> {
  return (await db.selectFrom('group_member').select('agent_id').where('group_id', '=', groupId).execute()).map((r) => r.agent_id);
}

export async function readGroup(db: Db, id: string): Promise<Group | null> {
  const row = await db.selectFrom('agent_group').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toGroup(row, await memberIdsOf(db, id)) : null;
}
