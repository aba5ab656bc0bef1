import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(Object.fromEntries(rows.map((r) => [r.table_name, r.table_version]))).toMatchObject({ dbaliases: 1, subscriber: 7, location: 9, location_attrs: 1 });
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
