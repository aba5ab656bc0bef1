import { randomUUID } from 'node:crypto';
import type { LiveEvent } from '../../../common/schemas/workspace/live';
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/open-database';
import type { Schema } from '../../db/schema';
import type { Clock } from '../clock';
import type { ServiceLog } from '../team-writes';
import type { LivePublisher } from './event-bus';

/** How long an agent's app may be away (all its connections closed) before it shows as Offline. */
export const PRESENCE_GRACE_MS = 30_000;
/** How often each replica refreshes its connections' `seen_at` and looks for apps gone for good. */
export const CONNECTION_TICK_MS = 5_000;

/**
 * How long an open connection lasts without its replica's refresh: the
 * grace plus three missed refreshes — with the defaults exactly 45 s. A crashed replica's apps that reconnect
 * elsewhere within it never show Offline; the rest do once it has passed.
 */
export function staleAfterMs(graceMs: number, tickMs: number): number {
  return graceMs + 3 * tickMs;
}

/** The push connections of one replica, as the database knows them. */
export interface ConnectionPresence {
  /** An app joined: its row, open and seen now. Resolves with the connection's id. */
  opened(agentId: string): Promise<string>;
  /** That app's connection closed (it may come back, here or on another replica, within the grace). */
  closed(connectionId: string): void;
  /** (A sweep starting after the call.) Refreshes this replica's open connections, then turns Offline every agent whose last one is gone for longer than the grace. */
  tick(): Promise<void>;
  /** Shutting down: this replica's connections count as closed now; no more writes. */
  stop(): Promise<void>;
}

/**
 * Presence when an app goes away: an agent whose last push connection
 * closed, and who has none again `graceMs` later, becomes Offline and not
 * on a call — announced once, whichever replica notices first. A reconnect
 * within the grace (a network blip, a token refresh, a replica restarting,
 * on this replica or another) changes nothing.
 *
 * Why one row per connection with a heartbeat, and not a connected-count or
 * a last-seen time per agent: a count is only right if every decrement
 * happens, and a replica that crashes or loses its network never makes
 * them — its agents would stay "Available" forever. A per-agent last-seen
 * time would need every replica to write it for every connected agent all
 * the time, and tells nobody whether the agent is still connected somewhere.
 * A row per connection holds both: open rows refreshed by their replica
 * (one UPDATE per replica every {@link CONNECTION_TICK_MS}) say "still here"
 * until they go stale ({@link staleAfterMs}, the crashed-replica
 * case), closed rows say when the app left. The sweep is one statement
 * with a compare-and-set (`presence <> 'offline' or on_call <> 0`), so
 * exactly one replica announces each change; rows are deleted once swept.
 * Times are the clock port's, so tests move the clock past the grace.
 */
export function trackConnections(deps: { database: Database; clock: Clock; live: LivePublisher; log: ServiceLog; graceMs?: number; intervalMs?: number }): ConnectionPresence {
  const { db } = deps.database;
  const replica = randomUUID();
  const graceMs = deps.graceMs ?? PRESENCE_GRACE_MS;
  const tickMs = deps.intervalMs ?? CONNECTION_TICK_MS;
  const staleMs = staleAfterMs(graceMs, tickMs);
  /** Writes in flight (a join's row, a close): a tick waits for them so it sees this replica as it is. */
  const writes = new Set<Promise<unknown>>();
  /** This replica's open connections (only to skip the heartbeat write when there are none: SQLite has one writer). */
  let open = 0;
  let stopped = false;
  let running: Promise<void> | null = null;

  const track = <T>(write: Promise<T>): Promise<T> => {
    writes.add(write);
    void write.catch(() => undefined).finally(() => writes.delete(write));
    return write;
  };

  const sweep = async (): Promise<void> => {
    await Promise.all([...writes].map((w) => w.catch(() => undefined)));
    const now = deps.clock.now();
    if (open > 0) await db.updateTable('live_connection').set({ seen_at: now }).where('replica', '=', replica).where('closed_at', 'is', null).execute();
    // Had a connection, and none is still here: open and refreshed lately, or closed within the grace.
    const goneNow = (eb: ExpressionBuilder<Schema, 'agent_status'>) =>
      eb.and([
        eb.or([eb('presence', '<>', 'offline'), eb('on_call', '<>', 0)]),
        eb.exists(eb.selectFrom('live_connection as c').select('c.id').whereRef('c.agent_id', '=', 'agent_status.agent_id')),
        eb.not(
          eb.exists(
            eb
              .selectFrom('live_connection as c')
              .select('c.id')
              .whereRef('c.agent_id', '=', 'agent_status.agent_id')
              .where((c) => c.or([c.and([c('c.closed_at', 'is', null), c('c.seen_at', '>', now - staleMs)]), c('c.closed_at', '>', now - graceMs)])),
          ),
        ),
      ]);
    // Same `now` as the sweep: whatever it deletes, this sweep has already judged.
    const judged = (eb: ExpressionBuilder<Schema, 'live_connection'>) =>
      eb.or([eb('closed_at', '<=', now - graceMs), eb.and([eb('closed_at', 'is', null), eb('seen_at', '<=', now - staleMs)])]);
    // Read first, write only when there is something to write: on SQLite every write statement takes
    // the file's one write lock, even one that changes nothing, and Kamailio's usrloc (db_sqlite has
    // no busy timeout) loses a location write that meets it (server/kamailio/README.md). The UPDATE
    // keeps its compare-and-set, so a replica racing this one still announces each change once.
    const anyGone = await db.selectFrom('agent_status').select('agent_id').where(goneNow).limit(1).executeTakeFirst();
    const gone = anyGone ? await db.updateTable('agent_status').set({ presence: 'offline', on_call: 0, updated_at: now }).where(goneNow).returning(['agent_id', 'registered']).execute() : [];
    const anyJudged = await db.selectFrom('live_connection').select('id').where(judged).limit(1).executeTakeFirst();
    if (anyJudged) await db.deleteFrom('live_connection').where(judged).execute();
    const events: LiveEvent[] = gone.map((row) => ({ type: 'status-changed', status: { agentId: row.agent_id, registered: Number(row.registered) === 1, presence: 'offline', onCall: false } }));
    await deps.live.publish(events);
  };

  const guarded = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= sweep()
      .catch((err: unknown) => deps.log.error({ err }, 'presence: checking connections failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  // A sweep that starts after the call: one under way may have judged before the caller's change.
  const tick = async (): Promise<void> => {
    await running;
    await guarded();
  };
  const timer = setInterval(() => void guarded(), tickMs);
  timer.unref();

  return {
    async opened(agentId) {
      const id = randomUUID();
      await track(db.insertInto('live_connection').values({ id, agent_id: agentId, replica, seen_at: deps.clock.now(), closed_at: null }).execute());
      open += 1;
      return id;
    },
    closed(connectionId) {
      if (stopped) return;
      open -= 1;
      void track(db.updateTable('live_connection').set({ closed_at: deps.clock.now() }).where('id', '=', connectionId).where('closed_at', 'is', null).execute()).catch((err: unknown) =>
        deps.log.error({ err }, 'presence: recording a closed connection failed'),
      );
    },
    tick,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await running;
      await Promise.all([...writes].map((w) => w.catch(() => undefined)));
      // Apps of a replica that stops reconnect elsewhere; if they do not, the others' sweeps turn them Offline.
      await db
        .updateTable('live_connection')
        .set({ closed_at: deps.clock.now() })
        .where('replica', '=', replica)
        .where('closed_at', 'is', null)
        .execute()
        .catch((err: unknown) => deps.log.error({ err }, 'presence: closing connections at shutdown failed'));
    },
  };
}
