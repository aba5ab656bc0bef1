import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import { createUsrlocTables } from '../usrloc-schema';
import type { Dialect } from '../open-database';

/**
 * Teammates' status and live sync:
 * - `agent_status`: what each app reports (presence, on a call) and the last
 *   registration state the service saw in `location` (so exactly one replica
 *   announces each change — see services/registration-watch.ts);
 * - `live_event`: the push channel's log, `seq` rising, so a reconnecting
 *   app asks "since N" on any replica;
 * - Kamailio's `location` and `location_attrs` (usrloc, write-through,
 *   db/usrloc-schema.ts) on PostgreSQL; on SQLite they are in their own file
 *   (db/location-file.ts).
 *
 * Independent of 0002: touches no table another migration makes.
 */
export function statusSchema(dialect: Dialect): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { up: (db: Kysely<any>) => up(db, dialect === 'postgres') };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>, postgres: boolean): Promise<void> {
  const ms = postgres ? 'bigint' : 'integer';
  const serialId = postgres ? 'serial' : 'integer';
  // SQLite: AUTOINCREMENT, so a sequence number is never handed out twice, even after old rows are pruned.
  const pk = (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('agent_status')
    .addColumn('agent_id', 'text', (c) => c.primaryKey().references('agent.id').onDelete('cascade'))
    .addColumn('presence', 'text', (c) => c.notNull())
    .addColumn('on_call', 'integer', (c) => c.notNull())
    .addColumn('registered', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('live_event')
    .addColumn('seq', serialId, pk)
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();

  // Kamailio's usrloc tables: here on PostgreSQL only. On SQLite they live in a
  // file of their own that only Kamailio writes (db/location-file.ts, migration
  // 0005 drops them from workspace files made before).
  if (postgres) await createUsrlocTables(db, postgres);
}
