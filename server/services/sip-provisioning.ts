import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../db/schema';

/**
 * Kamailio's view of the team, written in the same database Kamailio reads:
 * `subscriber` (digest credentials as HA1 only — never a plain password) and
 * `dbaliases` (extension → agent; group number → every member, so Kamailio
 * rings them in parallel). Call inside the transaction that changes the
 * agent or group, so the SIP server never sees half a change.
 */

type Db = Kysely<Schema> | Transaction<Schema>;

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** RFC 2617 HA1 = MD5(user:realm:password); HA1B uses user@domain for clients that send it as the username. */
export function digestHashes(sipUser: string, domain: string, password: string): { ha1: string; ha1b: string } {
  return { ha1: md5(`${sipUser}:${domain}:${password}`), ha1b: md5(`${sipUser}@${domain}:${domain}:${password}`) };
}

/** Sets (or replaces) an agent's SIP credentials: from now on Kamailio accepts its REGISTER. */
export async function provisionSubscriber(db: Db, sipUser: string, domain: string, hashes: { ha1: string; ha1b: string }): Promise<void> {
  await db
    .insertInto('subscriber')
    .values({ username: sipUser, domain, password: '', ...hashes })
    .onConflict((oc) => oc.columns(['username', 'domain']).doUpdateSet({ ha1: hashes.ha1, ha1b: hashes.ha1b, password: '' }))
    .execute();
}

/** Forgets an agent's credentials and every alias pointing at it (removed or disabled agents). */
export async function removeSubscriber(db: Db, sipUser: string, domain: string): Promise<void> {
  await db.deleteFrom('subscriber').where('username', '=', sipUser).where('domain', '=', domain).execute();
  await db.deleteFrom('dbaliases').where('username', '=', sipUser).where('domain', '=', domain).execute();
}

/**
 * Makes `alias` (an extension or group number) ring exactly `sipUsers`:
 * rows for others are removed, missing ones added. An empty list removes
 * the alias.
 */
export async function setAlias(db: Db, alias: string, domain: string, sipUsers: readonly string[]): Promise<void> {
  await db.deleteFrom('dbaliases').where('alias_username', '=', alias).where('alias_domain', '=', domain).execute();
  const rows = [...new Set(sipUsers)].map((username) => ({ alias_username: alias, alias_domain: domain, username, domain }));
  // A big group is thousands of rows: insert in chunks inside SQLite's limit on bound parameters.
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('dbaliases').values(rows.slice(i, i + 1000)).execute();
}

/**
 * The SIP user Kamailio knows an agent by, made from its id: stable when the
 * extension changes (so saved bindings and history stay valid), and free of
 * anything personal (it travels in every SIP message).
 */
export function sipUserFor(agentId: string): string {
  return `a${agentId.replaceAll('-', '').slice(0, 12)}`;
}
