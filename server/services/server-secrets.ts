import { randomBytes } from 'node:crypto';
import type { Database } from '../db/open-database';

/**
 * A secret every replica must share (e.g. the access-token key), made once
 * and kept in the database: the first replica to ask creates it, later ones
 * (and later starts) read the same value.
 */
export async function sharedSecret(database: Database, name: string): Promise<Buffer> {
  await database.db
    .insertInto('server_secret')
    .values({ name, value: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await database.db.selectFrom('server_secret').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}
