import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digestHashes, provisionSubscriber } from '../../../server/services/sip-provisioning';
import { registeredSipUsers } from '../../../server/services/team-status';
import type { KamailioHandle } from '../../support/kamailio/kamailio.mjs';
import { openPhone, type Phone } from '../../support/kamailio/sip-phone.mjs';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { showKamailioLogOnFailure, startWorkspaceKamailio } from '../support/kamailio';

const DOMAIN = 'acme.test';
const PASSWORD = 'correct horse battery';

/**
 * Kamailio's db_sqlite sets no busy timeout, so a `location` write that met
 * a write lock on its file failed at once and the phone got a 500. On SQLite
 * Kamailio therefore writes `location` to a file of its own that only it
 * writes (server/db/location-file.ts), in WAL mode, where the service's reads
 * never block it (server/kamailio/README.md, "SQLite and the write lock").
 * Here the service's write lock on the workspace file and a long read on the
 * location file are both held while a phone registers, refreshes and
 * un-registers.
 */
describe('Kamailio on SQLite while the service holds its write lock and reads the location file', () => {
  let t: TestDatabase;
  let kamailio: KamailioHandle;
  const phones: Phone[] = [];

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    kamailio = await startWorkspaceKamailio(t, DOMAIN);
  });
  afterAll(async () => {
    for (const phone of phones) phone.close();
    await kamailio?.stop();
    await t?.drop();
  });
  beforeEach(() => showKamailioLogOnFailure(kamailio));

  /**
   * Holds the workspace file's write lock (as a write transaction of the
   * service does) and a read transaction on the location file (a status read
   * that takes long) while `during` runs; `during` gets what that reader
   * still sees, to show its snapshot is held throughout.
   */
  async function whileServiceBusy<T>(during: (longReaderSees: (sipUser: string) => number) => Promise<T>): Promise<T> {
    const writer = new BetterSqlite3(t.location.sqliteFile);
    const reader = new BetterSqlite3(t.location.locationFile, { readonly: true });
    const seen = reader.prepare('select count(*) as n from location where username = ?');
    const longReaderSees = (sipUser: string) => (seen.get(sipUser) as { n: number }).n;
    writer.exec('begin immediate');
    reader.exec('begin');
    longReaderSees('');
    try {
      return await during(longReaderSees);
    } finally {
      reader.exec('commit');
      reader.close();
      writer.exec('rollback');
      writer.close();
    }
  }
  /** The row's expiry as teammates' status reads it (undefined: no row). */
  const rowExpiry = async (sipUser: string) => (await t.database.registrations.selectFrom('location').select('expires').where('username', '=', sipUser).executeTakeFirst())?.expires;
  const phoneFor = async () => {
    const sipUser = `a${randomBytes(6).toString('hex')}`;
    await provisionSubscriber(t.database.db, sipUser, DOMAIN, digestHashes(sipUser, DOMAIN, PASSWORD));
    const phone = await openPhone({ kamailio, user: sipUser, password: PASSWORD });
    phones.push(phone);
    return { sipUser, phone };
  };

  it('a REGISTER, its refresh and the un-REGISTER all get 200 and the location row follows each', async () => {
    const { sipUser, phone } = await phoneFor();
    await whileServiceBusy(async (longReaderSees) => {
      expect(await phone.register({ expires: 300 })).toMatchObject({ status: 200 });
      expect(await kamailio.isRegistered(sipUser)).toBe(true);
      expect((await registeredSipUsers(t.database)).has(sipUser)).toBe(true);
      const first = await rowExpiry(sipUser);

      expect(await phone.register({ expires: 3600 })).toMatchObject({ status: 200 });
      const refreshed = await rowExpiry(sipUser);
      expect(refreshed !== undefined && first !== undefined && refreshed > first).toBe(true);

      expect(await phone.register({ expires: 0 })).toMatchObject({ status: 200 });
      expect(await kamailio.isRegistered(sipUser)).toBe(false);
      expect(await rowExpiry(sipUser)).toBeUndefined();
      // The long read was open all along: it still sees the file as it was before the REGISTER.
      expect(longReaderSees(sipUser)).toBe(0);
    });
  });

  it('the workspace file holds no location table, and Kamailio’s writes keep the location file in WAL mode', async () => {
    const { phone } = await phoneFor();
    expect(await phone.register()).toMatchObject({ status: 200 });
    const workspace = new BetterSqlite3(t.location.sqliteFile, { readonly: true });
    const location = new BetterSqlite3(t.location.locationFile, { readonly: true });
    try {
      expect(workspace.prepare("select name from sqlite_master where name = 'location'").all()).toEqual([]);
      expect(location.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      workspace.close();
      location.close();
    }
  });
});
