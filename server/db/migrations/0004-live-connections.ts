import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../open-database';

/**
 * `live_connection`: one row per app connected to the push channel, on any
 * replica — who (agent), held by which replica, last seen (the replica's
 * heartbeat) and when it closed. Teammates' presence turns Offline when an
 * agent's last connection is gone and has not come back within a grace
 * period (services/live/connection-presence.ts says why rows, not a count).
 *
 * Independent of 0002 and 0003's contents: one new table.
 */
export function liveConnections(dialect: Dialect): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { up: (db: Kysely<any>) => up(db, dialect === 'postgres') };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>, postgres: boolean): Promise<void> {
  const ms = postgres ? 'bigint' : 'integer';
  await db.schema
    .createTable('live_connection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agent.id').onDelete('cascade'))
    .addColumn('replica', 'text', (c) => c.notNull())
    .addColumn('seen_at', ms, (c) => c.notNull())
    .addColumn('closed_at', ms)
    .execute();
  await db.schema.createIndex('live_connection_agent').on('live_connection').column('agent_id').execute();
  await db.schema.createIndex('live_connection_replica').on('live_connection').columns(['replica', 'closed_at']).execute();
}
