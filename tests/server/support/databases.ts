import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { locationFileFor } from '../../../server/db/location-file';
import { migrateToLatest } from '../../../server/db/migrate';
import { openDatabase, type Database, type Dialect } from '../../../server/db/open-database';

/** The whole server suite runs on both engines the service supports. */
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  database: Database;
  /**
   * The SQLite file (and Kamailio's location file beside it), or the
   * PostgreSQL URL: what Kamailio or a second replica would be given.
   */
  location: { sqliteFile: string; locationFile: string; databaseUrl: string | undefined };
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of the given kind: a temp SQLite file, or a new
 * database in the run's PostgreSQL cluster (or the one at `postgresUrl`) —
 * never shared between tests.
 */
export async function createTestDatabase(dialect: Dialect, postgresUrl?: string): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-ws-'));
  const sqliteFile = path.join(dir, 'workspace.sqlite');
  let databaseUrl: string | undefined;
  let dropPostgres = async () => {};
  if (dialect === 'postgres') {
    // The run's cluster (vitest's global setup), or one a benchmark started itself.
    const admin = postgresUrl ?? inject('postgresUrl');
    const name = `rd_${randomBytes(6).toString('hex')}`;
    await withClient(admin, (c) => c.query(`create database ${name}`));
    const url = new URL(admin);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropPostgres = () => withClient(admin, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {});
  }
  const database = openDatabase({ databaseUrl, sqliteFile });
  await migrateToLatest(database);
  return {
    database,
    location: { sqliteFile, locationFile: locationFileFor(sqliteFile), databaseUrl },
    async drop() {
      await database.close();
      await dropPostgres();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
