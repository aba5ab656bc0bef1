import type { Database } from '../db/open-database';
import type { Clock } from './clock';
import type { LivePublisher } from './live/event-bus';
import { registeredSipUsers, toAgentStatus } from './team-status';
import type { ServiceLog } from './team-writes';

/** How often the location table is read. One small indexed query per replica per tick. */
export const REGISTRATION_POLL_MS = 1_000;

/**
 * Pushes registration changes: reads which SIP users have a binding in
 * Kamailio's `location` (usrloc writes through to the database; on SQLite
 * its own file, read on the read-only `database.registrations`, so this
 * poll never holds a lock Kamailio's writes wait for) every second, and when that set differs from the last one, announces each
 * agent whose state differs from what was last announced.
 *
 * Why polling rather than Kamailio calling us (http_client / an
 * event_route): the table is the truth whatever happens — expiries by
 * Kamailio's timer, `ul.rm`, a Kamailio restart reloading bindings, the
 * service itself restarting — and a poll sees all of them with no second
 * path to keep correct; Kamailio needs no address of the service (which
 * replica?) and never blocks a SIP worker on an HTTP call. The cost is one
 * `select distinct username from location` per second and replica, and up
 * to a second of delay, which nobody watching a status dot notices.
 *
 * Several replicas watch the same table: `agent_status.registered` is the
 * last state announced, changed with a compare-and-set, so exactly one
 * replica announces each change.
 */
export interface RegistrationWatch {
  /** Reads `location` now (or waits for the read under way) and announces what changed. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function watchRegistrations(deps: { database: Database; clock: Clock; live: LivePublisher; log: ServiceLog; intervalMs?: number }): RegistrationWatch {
  let last: string | null = null;
  let running: Promise<void> | null = null;
  const tick = async (): Promise<void> => {
    const users = await registeredSipUsers(deps.database);
    const fingerprint = [...users].sort().join('\n');
    if (fingerprint === last) return;
    await announceDifferences(deps, users);
    last = fingerprint;
  };
  const guarded = () => {
    running ??= tick()
      .catch((err: unknown) => deps.log.error({ err }, 'registration watch: reading location failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void guarded(), deps.intervalMs ?? REGISTRATION_POLL_MS);
  timer.unref();
  void guarded();
  return {
    // A read that starts after this call: one under way may have read before the change the caller made.
    async tick() {
      await running;
      await guarded();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

async function announceDifferences(deps: { database: Database; clock: Clock; live: LivePublisher }, users: Set<string>): Promise<void> {
  const { db } = deps.database;
  const rows = await db
    .selectFrom('agent')
    .leftJoin('agent_status', 'agent_status.agent_id', 'agent.id')
    .select(['agent.id', 'agent.sip_user', 'agent_status.registered', 'agent_status.presence', 'agent_status.on_call'])
    .execute();
  const now = deps.clock.now();
  const events = [];
  for (const row of rows) {
    const registered = users.has(row.sip_user) ? 1 : 0;
    if ((row.registered ?? 0) === registered) continue;
    // Compare-and-set: only the replica whose write changes the row announces it.
    const result = await db
      .insertInto('agent_status')
      .values({ agent_id: row.id, presence: 'offline', on_call: 0, registered, updated_at: now })
      .onConflict((oc) => oc.column('agent_id').doUpdateSet({ registered, updated_at: now }).where('agent_status.registered', '<>', registered))
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
    events.push({ type: 'status-changed' as const, status: toAgentStatus(row.id, registered === 1, row) });
  }
  await deps.live.publish(events);
}
