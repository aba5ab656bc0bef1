import type { AgentStatus, StatusReport, TeamStatus } from '../../common/schemas/workspace/live';
import type { Database } from '../db/open-database';
import type { Clock } from './clock';
import type { EventBus, LivePublisher } from './live/event-bus';

/**
 * Teammates' status: registered (Kamailio's `location`, usrloc writing
 * through to the database — on SQLite a file of its own, so it is read on
 * `database.registrations` and never joined with the workspace's tables), presence and "on a call" (each app reports
 * them, `PUT /api/v1/me/status`). An agent whose app never reported is
 * Offline and not on a call.
 */

/** The SIP users with at least one device in Kamailio's location table right now. */
export async function registeredSipUsers(database: Database): Promise<Set<string>> {
  const rows = await database.registrations.selectFrom('location').select('username').distinct().execute();
  return new Set(rows.map((r) => r.username));
}

/** An agent's status from its `agent_status` row (none yet: Offline, not on a call). */
export function toAgentStatus(agentId: string, registered: boolean, row: { presence: AgentStatus['presence'] | null; on_call: number | null }): AgentStatus {
  return { agentId, registered, presence: row.presence ?? 'offline', onCall: Number(row.on_call ?? 0) === 1 };
}

/** Everyone's status (pending agents too: they show as not registered), and the live sequence it is as of. */
export async function teamStatus(database: Database, bus: Pick<EventBus, 'log'>): Promise<TeamStatus> {
  // The sequence first: an event that lands meanwhile is replayed to a subscriber "since seq" (harmless twice).
  const seq = await bus.log.currentSeq();
  const registered = await registeredSipUsers(database);
  const rows = await database.db
    .selectFrom('agent')
    .leftJoin('agent_status', 'agent_status.agent_id', 'agent.id')
    .select(['agent.id', 'agent.sip_user', 'agent_status.presence', 'agent_status.on_call'])
    .orderBy('agent.full_name')
    .execute();
  return { seq, agents: rows.map((r) => toAgentStatus(r.id, registered.has(r.sip_user), r)) };
}

/**
 * What the agent's app reports. Announced only when it changes something,
 * so an app re-sending the same status after a reconnect costs nothing.
 */
export async function reportStatus(deps: { database: Database; clock: Clock; live: LivePublisher }, agent: { agentId: string; sipUser: string }, report: StatusReport): Promise<AgentStatus> {
  const { db } = deps.database;
  const registered = (await deps.database.registrations.selectFrom('location').select('id').where('username', '=', agent.sipUser).limit(1).executeTakeFirst()) !== undefined;
  const onCall = report.onCall ? 1 : 0;
  const result = await db
    .insertInto('agent_status')
    .values({ agent_id: agent.agentId, presence: report.presence, on_call: onCall, registered: registered ? 1 : 0, updated_at: deps.clock.now() })
    .onConflict((oc) =>
      oc
        .column('agent_id')
        .doUpdateSet({ presence: report.presence, on_call: onCall, updated_at: deps.clock.now() })
        .where((eb) => eb.or([eb('agent_status.presence', '<>', report.presence), eb('agent_status.on_call', '<>', onCall)])),
    )
    .executeTakeFirst();
  const status: AgentStatus = { agentId: agent.agentId, registered, presence: report.presence, onCall: report.onCall };
  // Inserted or changed: announce. The same status again: no row touched, nothing said.
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) await deps.live.publish([{ type: 'status-changed', status }]);
  return status;
}
