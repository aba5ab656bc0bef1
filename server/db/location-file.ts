import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import type { RegistrationSchema } from './schema';
import { createUsrlocTables } from './usrloc-schema';

/**
 * Kamailio's registrations on SQLite: `location` and `location_attrs` in a
 * file of their own, next to the workspace file, that **only Kamailio
 * writes**. Why: SQLite has one writer per file, and Kamailio 5.6's db_sqlite
 * sets no busy timeout, so a usrloc write that met one of the service's write
 * transactions in the shared file failed at once and the phone got a 500
 * (server/kamailio/README.md, "SQLite and the write lock"). Here nobody else
 * ever takes the write lock, and the file is in WAL mode (persistent in the
 * file, so Kamailio's connection uses it too), where readers never block the
 * writer: the service only reads it, on a read-only connection.
 *
 * The service creates the file, puts it in WAL mode (openDatabase) and
 * migrates it (migrateToLatest); Kamailio's config points usrloc's `db_url`
 * at it (`LOCATION_SQLITE`). PostgreSQL needs none of this: one database,
 * where db_postgres waits for locks.
 */
export const LOCATION_FILE_NAME = 'location.sqlite';

/** Where Kamailio's location file is for a workspace file: beside it. */
export function locationFileFor(workspaceFile: string): string {
  return path.join(path.dirname(workspaceFile), LOCATION_FILE_NAME);
}

/** Creates the file if it is missing and puts it in WAL mode (a no-op when it already is). */
export function prepareLocationFile(file: string): void {
  const sqlite = new BetterSqlite3(file);
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
}

/**
 * The service's connection to the file: read-only, so it can never take the
 * write lock Kamailio needs. A second connection rather than ATTACH on the
 * workspace connection: an attached file joins that connection's
 * transactions (BEGIN IMMEDIATE locks every attached writable file), and a
 * Kysely of its own types `location` apart, so no query can join it with the
 * workspace's tables as if they were one database.
 */
export function openLocationReader(file: string): Kysely<RegistrationSchema> {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<RegistrationSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** The file's own migrations (its own `version` rows, which Kamailio checks at start). */
const migrations: Record<string, Migration> = {
  '0001-usrloc': {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('version')
        .addColumn('table_name', 'varchar(32)', (c) => c.notNull().unique())
        .addColumn('table_version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await createUsrlocTables(db, false);
    },
  },
};

/**
 * Brings the location file to the latest schema, on a short-lived writable
 * connection (the only write the service ever makes to it; nothing is
 * written when it is already up to date).
 */
export async function migrateLocationFile(file: string): Promise<void> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('busy_timeout = 5000');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const { error, results } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`location migration ${failed?.migrationName ?? ''} failed on ${file}: ${message}`);
    }
  } finally {
    await db.destroy();
  }
}
