import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kamailioRpc, lookupContacts } from '../../../server/services/kamailio-rpc';
import { kamailioLiveBindings } from '../../../server/services/live-bindings';
import { digestHashes, provisionSubscriber, removeSubscriber, setAlias } from '../../../server/services/sip-provisioning';
import type { KamailioHandle } from '../../support/kamailio/kamailio.mjs';
import { sendInvite } from '../../support/kamailio/sip-invite.mjs';
import { openPhone, type Phone, type PhoneOptions } from '../../support/kamailio/sip-phone.mjs';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases';
import { showKamailioLogOnFailure, startWorkspaceKamailio } from '../support/kamailio';

// What the workspace writes is what Kamailio (the shipped config) acts on:
// credentials, extensions and group numbers, on both database engines.

const DOMAIN = 'acme.test';

describe.each(DIALECTS)('Kamailio on the workspace database (%s)', (dialect) => {
  let t: TestDatabase;
  let kamailio: KamailioHandle;
  const phones: Phone[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    kamailio = await startWorkspaceKamailio(t, DOMAIN);
  });
  afterAll(async () => {
    for (const phone of phones) phone.close();
    await kamailio?.stop();
    await t?.drop();
  });
  beforeEach(() => showKamailioLogOnFailure(kamailio));

  /** A provisioned agent: its subscriber row, as the service writes it when the agent sets a password. */
  async function agent(password = `pw-${randomBytes(4).toString('hex')}`): Promise<{ sipUser: string; password: string }> {
    const sipUser = `a${randomBytes(6).toString('hex')}`;
    await provisionSubscriber(t.database.db, sipUser, DOMAIN, digestHashes(sipUser, DOMAIN, password));
    return { sipUser, password };
  }

  async function phone(options: Omit<PhoneOptions, 'kamailio'>): Promise<Phone> {
    const p = await openPhone({ kamailio, ...options });
    phones.push(p);
    return p;
  }

  const call = (from: { sipUser: string; password: string }, to: string, extra: { cancelAfterMs?: number } = {}) =>
    sendInvite({ kamailio, from: from.sipUser, password: from.password, to, timeoutMs: 6000, ...extra });

  it('an agent registers with the password it set, and the database holds no password at all', async () => {
    const a = await agent('correct horse battery');
    const desk = await phone({ user: a.sipUser, password: a.password });
    expect(await desk.register()).toMatchObject({ status: 200 });
    expect(await kamailio.isRegistered(a.sipUser)).toBe(true);
    const row = await t.database.db.selectFrom('subscriber').selectAll().where('username', '=', a.sipUser).executeTakeFirstOrThrow();
    expect(row.password).toBe('');
  });

  it('a wrong password is refused and leaves no binding', async () => {
    const a = await agent();
    const desk = await phone({ user: a.sipUser, password: 'not-the-password' });
    expect([401, 403]).toContain((await desk.register()).status);
    expect(await kamailio.isRegistered(a.sipUser)).toBe(false);
  });

  it('a SIP user the workspace never provisioned is refused', async () => {
    const stranger = await phone({ user: 'nobody', password: 'whatever' });
    expect([401, 403]).toContain((await stranger.register()).status);
  });

  it('once the agent is removed, its next REGISTER is refused', async () => {
    const a = await agent();
    const desk = await phone({ user: a.sipUser, password: a.password });
    expect((await desk.register()).status).toBe(200);
    await removeSubscriber(t.database.db, a.sipUser, DOMAIN);
    expect([401, 403]).toContain((await desk.register()).status);
  });

  it('a call to an extension reaches the agent’s registered phone', async () => {
    const [a, caller] = [await agent(), await agent()];
    await setAlias(t.database.db, '101', DOMAIN, [a.sipUser]);
    const desk = await phone({ user: a.sipUser, password: a.password, answer: 486 });
    expect((await desk.register()).status).toBe(200);

    const result = await call(caller, '101');

    expect(result.finalStatus).toBe(486); // the phone's own answer came back
    expect(desk.invites).toHaveLength(1);
    expect(desk.invites[0]?.uri).toBe(`sip:${a.sipUser}@127.0.0.1:${desk.port};transport=udp`);
    expect(desk.invites[0]?.header('from')).toContain(caller.sipUser);
  });

  it('a caller without the right credentials cannot place a call', async () => {
    const [a, caller] = [await agent(), await agent()];
    await setAlias(t.database.db, '102', DOMAIN, [a.sipUser]);
    const desk = await phone({ user: a.sipUser, password: a.password, answer: 486 });
    await desk.register();
    const result = await call({ sipUser: caller.sipUser, password: 'wrong' }, '102');
    expect(result.finalStatus).toBe(407);
    expect(desk.invites).toHaveLength(0);
  });

  it('a group number rings every registered member at once, skipping members who are not registered', async () => {
    const [away, a, b, caller] = [await agent(), await agent(), await agent(), await agent()];
    // the unregistered member first: Kamailio must not make it the call's target
    await setAlias(t.database.db, '500', DOMAIN, [away.sipUser, a.sipUser, b.sipUser]);
    const deskA = await phone({ user: a.sipUser, password: a.password });
    const deskB = await phone({ user: b.sipUser, password: b.password });
    expect((await deskA.register()).status).toBe(200);
    expect((await deskB.register()).status).toBe(200);

    const result = call(caller, '500', { cancelAfterMs: 1000 });
    // Both ring before anyone answers: parallel forking (serial would wait for the first to fail).
    await Promise.all([deskA.waitForInvites(1), deskB.waitForInvites(1)]);
    const done = await result;

    expect(done.provisional).toContain(180);
    expect(done.finalStatus).toBe(487); // the caller gave up; both phones were told
    expect(deskA.cancels).toHaveLength(1);
    expect(deskB.cancels).toHaveLength(1);
    // one branch per registered device, none towards the member who is away
    const branches = (await kamailio.logLines()).filter((e) => e.event === 'BRANCH' && e.callId === done.callId);
    expect(branches.map((e) => (e.event === 'BRANCH' ? e.uri : '')).sort()).toEqual(
      [deskA, deskB].map((d) => `sip:${d.user}@127.0.0.1:${d.port};transport=udp`).sort(),
    );
  });

  it('a known extension with nobody registered says "temporarily unavailable", an unknown number "not found"', async () => {
    const [a, caller] = [await agent(), await agent()];
    await setAlias(t.database.db, '103', DOMAIN, [a.sipUser]);
    expect((await call(caller, '103')).finalStatus).toBe(480);
    expect((await call(caller, '999')).finalStatus).toBe(404);
  });

  it('dropping an agent’s live bindings over JSON-RPC stops its phone ringing at once', async () => {
    const [a, caller] = [await agent(), await agent()];
    await setAlias(t.database.db, '104', DOMAIN, [a.sipUser]);
    const desk = await phone({ user: a.sipUser, password: a.password, answer: 486 });
    expect((await desk.register({ expires: 3600 })).status).toBe(200);
    const rpc = kamailioRpc({ url: kamailio.rpcUrl });
    expect(await lookupContacts(rpc, `${a.sipUser}@${DOMAIN}`)).toHaveLength(1);

    await kamailioLiveBindings(rpc, DOMAIN).drop(a.sipUser);

    expect(await lookupContacts(rpc, `${a.sipUser}@${DOMAIN}`)).toEqual([]);
    expect(await kamailio.bindings(a.sipUser)).toEqual([]);
    expect((await call(caller, '104')).finalStatus).toBe(480);
    expect(desk.invites).toHaveLength(0);
  });

  it('dropping an agent that has no binding is not an error', async () => {
    const a = await agent();
    await expect(kamailioLiveBindings(kamailioRpc({ url: kamailio.rpcUrl }), DOMAIN).drop(a.sipUser)).resolves.toBeUndefined();
  });
});
