import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { digestHashes, provisionSubscriber } from '../../../server/services/sip-provisioning';
import { registeredSipUsers } from '../../../server/services/team-status';
import type { KamailioHandle } from '../../support/kamailio/kamailio.mjs';
import { openPhone, type Phone } from '../../support/kamailio/sip-phone.mjs';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { showKamailioLogOnFailure, startWorkspaceKamailio } from '../support/kamailio';

const DOMAIN = 'acme.test';
const PASSWORD = 'correct horse battery';

/**
 * Kamailio's db_sqlite sets no busy timeout, so a `location` write that
 * meets a write lock on the SQLite file (one of the service's short write
 * transactions) fails at once. What a phone and teammates' status then see,
 * on the shipped config (server/kamailio/README.md, "SQLite and the write
 * lock"): a REGISTER or refresh is refused with 500 and nothing is half
 * saved, so the phone's retry fixes it; an un-REGISTER leaves a row behind,
 * which Kamailio's timer (`db_timer_clean`) deletes once it has expired.
 */
describe('Kamailio on SQLite when a location write meets a write lock', () => {
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

  /** Holds the file's write lock, as a write transaction of the service does, while `during` runs. */
  async function whileLocked<T>(during: () => Promise<T>): Promise<T> {
    const other = new BetterSqlite3(t.location.sqliteFile);
    other.exec('begin immediate');
    try {
      return await during();
    } finally {
      other.exec('rollback');
      other.close();
    }
  }
  const rowFor = async (sipUser: string) => (await registeredSipUsers(t.database)).has(sipUser);
  const phoneFor = async () => {
    const sipUser = `a${randomBytes(6).toString('hex')}`;
    await provisionSubscriber(t.database.db, sipUser, DOMAIN, digestHashes(sipUser, DOMAIN, PASSWORD));
    const phone = await openPhone({ kamailio, user: sipUser, password: PASSWORD });
    phones.push(phone);
    return { sipUser, phone };
  };

  it('a REGISTER or a refresh that meets the lock is refused (500) with memory and table still agreeing, and the retry saves it', async () => {
    const { sipUser, phone } = await phoneFor();
    expect(await whileLocked(() => phone.register())).toMatchObject({ status: 500 });
    expect([await kamailio.isRegistered(sipUser), await rowFor(sipUser)]).toEqual([false, false]);
    expect(await phone.register()).toMatchObject({ status: 200 });
    expect([await kamailio.isRegistered(sipUser), await rowFor(sipUser)]).toEqual([true, true]);

    expect(await whileLocked(() => phone.register())).toMatchObject({ status: 500 });
    expect([await kamailio.isRegistered(sipUser), await rowFor(sipUser)]).toEqual([true, true]);
  });

  it('an un-REGISTER that meets the lock leaves its row; the row goes once the binding’s expiry has passed', async () => {
    const { sipUser, phone } = await phoneFor();
    expect(await phone.register({ expires: 10 })).toMatchObject({ status: 200 });
    expect(await whileLocked(() => phone.register({ expires: 0 }))).toMatchObject({ status: 500 });
    // Gone from memory (calls no longer reach it), but teammates' status still reads a row.
    expect([await kamailio.isRegistered(sipUser), await rowFor(sipUser)]).toEqual([false, true]);
    // Expiry (10 s) plus at most one timer run (timer_interval 10 s).
    await vi.waitFor(async () => expect(await rowFor(sipUser)).toBe(false), { timeout: 40_000, interval: 500 });
  }, 60_000);
});
