import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../open-database';

/**
 * SQLite: Kamailio's `location` and `location_attrs` move out of the
 * workspace file into their own file, which only Kamailio writes
 * (db/location-file.ts says why). A workspace file migrated before this drops
 * them and their `version` rows here; one made since never had them
 * (0003 makes them on PostgreSQL only). PostgreSQL: nothing changes.
 *
 * Bindings in the dropped table are not carried over: Kamailio must be
 * stopped for the upgrade (its config points usrloc at the new file), and
 * its phones register again within their expiry.
 *
 * Independent of 0004: touches only 0003's Kamailio tables.
 */
export function locationFile(dialect: Dialect): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { up: (db: Kysely<any>) => (dialect === 'sqlite' ? up(db) : Promise.resolve()) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists location_attrs`.execute(db);
  await sql`drop table if exists location`.execute(db);
  await db.deleteFrom('version').where('table_name', 'in', ['location', 'location_attrs']).execute();
}
