import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digestHashes, provisionSubscriber } from '../../../server/services/sip-provisioning';
import type { KamailioHandle } from '../../support/kamailio/kamailio.mjs';
import { sendInvite } from '../../support/kamailio/sip-invite.mjs';
import { openPhone, type Phone } from '../../support/kamailio/sip-phone.mjs';
import { acceptJson, inviteAgent, startMailedTeam, submitForm, type MailedTeam } from '../invitations/invitation-support';
import { DIALECTS } from '../support/databases';
import { showKamailioLogOnFailure, startWorkspaceKamailio } from '../support/kamailio';

const DOMAIN = 'acme.test';
const PASSWORD = 'the agent’s own password';

// An invited agent's desk phone against the shipped Kamailio config on the
// workspace's own database: refused until the invitation is accepted, then
// registered and rung by its extension — with no step in between.
describe.each(DIALECTS)('an invitation and the SIP server (%s)', (dialect) => {
  let team: MailedTeam;
  let kamailio: KamailioHandle;
  const phones: Phone[] = [];
  beforeAll(async () => {
    team = await startMailedTeam(dialect, { RINGDESK_SIP_DOMAIN: DOMAIN });
    kamailio = await startWorkspaceKamailio(team.server.db, DOMAIN);
  });
  afterAll(async () => {
    for (const phone of phones) phone.close();
    await kamailio?.stop();
    await team?.close();
  });
  beforeEach(() => showKamailioLogOnFailure(kamailio));

  async function phone(user: string, password: string): Promise<Phone> {
    const p = await openPhone({ kamailio, user, password, answer: 486 });
    phones.push(p);
    return p;
  }

  it('REGISTER is refused before the invitation is accepted and accepted right after; the extension then rings the phone', async () => {
    const caller = { sipUser: 'acaller', password: 'caller-pw' };
    await provisionSubscriber(team.server.db.database.db, caller.sipUser, DOMAIN, digestHashes(caller.sipUser, DOMAIN, caller.password));
    const { agent, token } = await inviteAgent(team, 1, { extension: '401' });
    const desk = await phone(agent.sipUser, PASSWORD);

    expect([401, 403]).toContain((await desk.register()).status);
    expect((await sendInvite({ kamailio, from: caller.sipUser, password: caller.password, to: '401', timeoutMs: 6000 })).finalStatus).toBe(404);

    expect((await submitForm(team.server, token, PASSWORD)).statusCode).toBe(200);

    expect((await desk.register()).status).toBe(200);
    expect(await kamailio.isRegistered(agent.sipUser)).toBe(true);
    const call = await sendInvite({ kamailio, from: caller.sipUser, password: caller.password, to: '401', timeoutMs: 6000 });
    expect(call.finalStatus).toBe(486); // the desk phone's own answer
    expect(desk.invites).toHaveLength(1);
    expect(desk.invites[0]?.header('from')).toContain(caller.sipUser);
  });

  it('a phone with a password other than the one set is still refused', async () => {
    const { agent, token } = await inviteAgent(team, 2, { extension: '402' });
    expect((await acceptJson(team.server, { token, password: PASSWORD })).statusCode).toBe(200);
    expect([401, 403]).toContain((await (await phone(agent.sipUser, 'a guessed password')).register()).status);
    expect((await (await phone(agent.sipUser, PASSWORD)).register()).status).toBe(200);
  });
});
