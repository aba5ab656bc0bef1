import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { migrateToLatest } from '../../../server/db/migrate';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases';

describe.each(DIALECTS)('the workspace database on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  it('has the tables Kamailio reads, with the versions Kamailio 5.6 checks at start', async () => {
    const rows = await t.database.db.selectFrom('version').selectAll().orderBy('table_name').execute();
    const versions = Object.fromEntries(rows.map((r) => [r.table_name, r.table_version]));
    expect(versions).toMatchObject({ dbaliases: 1, subscriber: 7 });
    if (dialect === 'postgres') {
      // One database: Kamailio writes its registrations there too.
      expect(versions).toMatchObject({ location: 9, location_attrs: 1 });
    } else {
      // Kamailio's registrations are in a file of its own, in WAL mode, with its own version rows.
      expect(versions).not.toHaveProperty('location');
      const file = new BetterSqlite3(t.location.locationFile, { readonly: true });
      try {
        const own = file.prepare('select table_name, table_version from version').all() as { table_name: string; table_version: number }[];
        expect(Object.fromEntries(own.map((r) => [r.table_name, r.table_version]))).toEqual({ location: 9, location_attrs: 1 });
        expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
      } finally {
        file.close();
      }
    }
    expect(await t.database.registrations.selectFrom('location').select('id').execute()).toEqual([]);
    const id = await t.database.db.insertInto('subscriber').values({ username: 'u1', domain: 'd', password: '', ha1: 'a', ha1b: 'b' }).returning('id').executeTakeFirstOrThrow();
    expect(typeof id.id).toBe('number');
  });

  it('runs again at the next start without changing anything', async () => {
    const count = async () => Number((await t.database.db.selectFrom('version').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await migrateToLatest(t.database);
    expect(await count()).toBe(before);
  });

  it('keeps one email per agent, whatever the engine', async () => {
    const agent = (id: string, extension: string) => ({ id, email: 'ana@example.com', full_name: 'Ana', extension, sip_user: `a${extension}`, personal_phone: null, role: 'basic' as const, status: 'pending' as const, password_hash: null, picture: null, settings: '{}', version: 1, created_at: 1, updated_at: 1, updated_by: null });
    await t.database.db.insertInto('agent').values(agent('00000000-0000-4000-8000-000000000001', '101')).execute();
    await expect(t.database.db.insertInto('agent').values(agent('00000000-0000-4000-8000-000000000002', '102')).execute()).rejects.toThrow();
  });
});

describe('a SQLite workspace file migrated before Kamailio had a location file of its own', () => {
  it('loses its location tables to the location file at the next start', async () => {
    const t = await createTestDatabase('sqlite');
    onTestFinished(() => t.drop());
    // As 0003 left a SQLite workspace file before the location file existed.
    const file = new BetterSqlite3(t.location.sqliteFile);
    try {
      file.exec("create table location (id integer primary key, username text); insert into version values ('location', 9), ('location_attrs', 1); delete from kysely_migration where name = '0005-location-file'");
    } finally {
      file.close();
    }
    await migrateToLatest(t.database);
    const tables = await sql<{ name: string }>`select name from sqlite_master where name like 'location%'`.execute(t.database.db);
    expect(tables.rows).toEqual([]);
    expect(await t.database.db.selectFrom('version').select('table_name').where('table_name', 'like', 'location%').execute()).toEqual([]);
  });
});
