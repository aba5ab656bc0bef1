import type { ServerConfig } from '../config';
import type { Database } from '../db/open-database';
import { removeSubscriber, setAlias } from './sip-provisioning';
import type { TeamTransaction } from './team-writes';

/**
 * Keeps Kamailio's `dbaliases` in step with the team, inside the team
 * change's transaction:
 *
 *   extension    → the agent's sip_user, only while the agent is active
 *   group number → the sip_user of every ACTIVE member (parallel ringing)
 *
 * A pending agent has no credentials yet and a disabled one has lost them,
 * so neither is reachable through an alias. Credentials themselves
 * (`subscriber`) are written by whoever knows the password — the
 * invitation service — and removed here when an agent stops being active.
 */

type Db = TeamTransaction | Database['db'];

/** The SIP domain the team's rows live in: the workspace's own, or the configured one before it exists. */
export async function teamSipDomain(db: Db, config: Pick<ServerConfig, 'sipDomain'>): Promise<string> {
  const row = await db.selectFrom('workspace').select('sip_domain').executeTakeFirst();
  return row?.sip_domain ?? config.sipDomain;
}

export interface RoutingChange {
  /** Agents whose extension alias (and groups' aliases) may have changed. */
  agentIds?: readonly string[];
  /** Groups whose number alias may have changed (the agents' groups are added). */
  groupIds?: readonly string[];
  /** Numbers no longer used (an old extension or group number): their aliases go. */
  retiredAliases?: readonly (string | null)[];
}

/** Rewrites the aliases a change touched, from the rows as they now are. */
export async function syncRouting(trx: TeamTransaction, domain: string, change: RoutingChange): Promise<void> {
  for (const alias of change.retiredAliases ?? []) if (alias) await setAlias(trx, alias, domain, []);
  const agentIds = [...new Set(change.agentIds ?? [])];
  const groupIds = new Set(change.groupIds ?? []);
  if (agentIds.length > 0) {
    const agents = await trx.selectFrom('agent').select(['id', 'sip_user', 'extension', 'status']).where('id', 'in', agentIds).execute();
    for (const agent of agents) {
      if (agent.status === 'active') {
        await setAlias(trx, agent.extension, domain, [agent.sip_user]);
      } else {
        // Not reachable: neither its extension nor any group number may ring it.
        await trx.deleteFrom('dbaliases').where('username', '=', agent.sip_user).where('domain', '=', domain).execute();
        await setAlias(trx, agent.extension, domain, []);
      }
    }
    const memberships = await trx.selectFrom('group_member').select('group_id').where('agent_id', 'in', agentIds).execute();
    for (const m of memberships) groupIds.add(m.group_id);
  }
  if (groupIds.size === 0) return;
  const groups = await trx.selectFrom('agent_group').select(['id', 'number']).where('id', 'in', [...groupIds]).where('number', 'is not', null).execute();
  if (groups.length === 0) return;
  const members = await trx
    .selectFrom('group_member')
    .innerJoin('agent', 'agent.id', 'group_member.agent_id')
    .select(['group_member.group_id', 'agent.sip_user'])
    .where('group_member.group_id', 'in', groups.map((g) => g.id))
    .where('agent.status', '=', 'active')
    .execute();
  for (const group of groups) {
    await setAlias(trx, group.number!, domain, members.filter((m) => m.group_id === group.id).map((m) => m.sip_user));
  }
}

/**
 * An agent stops being reachable (deleted, disabled, or pending again after
 * an email change): its credentials and every alias pointing at it go.
 * The caller also drops its live bindings once the change is committed.
 */
export async function unprovisionAgent(trx: TeamTransaction, domain: string, agent: { sip_user: string; extension: string }): Promise<void> {
  await removeSubscriber(trx, agent.sip_user, domain);
  await setAlias(trx, agent.extension, domain, []);
}

/**
 * For the invitation service, once an agent has confirmed and its
 * `subscriber` row is written (status now `active`): its extension and its
 * groups' numbers ring it from now on. Call inside that transaction.
 */
export async function routeConfirmedAgent(trx: TeamTransaction, domain: string, agentId: string): Promise<void> {
  await syncRouting(trx, domain, { agentIds: [agentId] });
}
