import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { locationFileFor, openLocationReader, prepareLocationFile } from './location-file';
import type { RegistrationSchema, Schema } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/** The workspace's database, whichever engine holds it. */
export interface Database {
  readonly db: Kysely<Schema>;
  /**
   * Kamailio's `location`, read only: the same PostgreSQL database, or on
   * SQLite a read-only connection to Kamailio's own file (location-file.ts).
   */
  readonly registrations: Kysely<RegistrationSchema>;
  /** SQLite: Kamailio's location file (created here, migrated by migrateToLatest). */
  readonly locationFile: string | undefined;
  readonly dialect: Dialect;
  /** Where it lives, for logs: the SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

// PostgreSQL's bigint (int8) comes back as a string by default; our times
// are epoch milliseconds, far below 2^53, so numbers are exact.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * PostgreSQL when `databaseUrl` is set, otherwise one SQLite file. SQLite
 * runs in WAL mode so Kamailio (db_sqlite) can read the file while the
 * service writes it, and waits for a lock instead of failing at once.
 * Kamailio's own writes (its registrations) go to a second file beside it,
 * which the service only reads (location-file.ts).
 */
export function openDatabase(options: { databaseUrl?: string | undefined; sqliteFile: string }): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client losing its connection must not take the process down.
    pool.on('error', (err) => console.error('database: idle connection failed:', err.message));
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    // The same pool; only `db` is destroyed (it ends the pool).
    const registrations = new Kysely<RegistrationSchema>({ dialect: new PostgresDialect({ pool }) });
    return { db, registrations, locationFile: undefined, dialect: 'postgres', location: redactUrl(options.databaseUrl), close: () => db.destroy() };
  }
  fs.mkdirSync(path.dirname(options.sqliteFile), { recursive: true });
  const sqlite = new BetterSqlite3(options.sqliteFile);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  const locationFile = locationFileFor(options.sqliteFile);
  prepareLocationFile(locationFile);
  const registrations = openLocationReader(locationFile);
  return {
    db,
    registrations,
    locationFile,
    dialect: 'sqlite',
    location: options.sqliteFile,
    close: async () => {
      await registrations.destroy();
      await db.destroy();
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
