import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PASSWORD } from '../../../common/schemas/workspace/auth';
import { requestForLog } from '../../../server/app';
import { invitationStateSchema } from '../../../common/schemas/workspace/invitation';
import { RESEND_LIMIT } from '../../../server/services/invitations';
import { DIALECTS } from '../support/databases';
import { linkIn, tokenOf } from '../../support/smtp-inbox';
import { rowCounts } from '../support/team-client';
import { acceptJson, headingOf, inviteAgent, openLink, signIn, startMailedTeam, submitForm, type MailedTeam } from './invitation-support';

const PASSWORD = 'a long enough secret';

describe.each(DIALECTS)('invitations when the mail server is down (%s)', (dialect) => {
  let team: MailedTeam;
  let n = 0;
  beforeAll(async () => {
    team = await startMailedTeam(dialect);
  });
  afterAll(() => team.close());
  beforeEach(async () => {
    n += 1;
    await team.inbox.start(); // up again if a test took it down
  });

  const invitations = (agentId: string) => team.server.db.database.db.selectFrom('invitation').selectAll().where('agent_id', '=', agentId).orderBy('created_at').execute();

  it('keeps the new agent and its invitation, records the failure, and a later resend delivers a working link', async () => {
    await team.inbox.stop();
    const res = await team.owner.post('/api/v1/agents', { email: `down${n}@example.com`, fullName: 'Dana Down', extension: String(700 + n), role: 'basic', groupIds: [team.ws.groupId] });
    expect(res.statusCode).toBe(201);
    const agent = res.json();
    expect((await team.owner.get(`/api/v1/agents/${agent.id}`)).json()).toMatchObject({ status: 'pending', email: `down${n}@example.com` });
    const [row] = await invitations(agent.id);
    expect(row).toMatchObject({ sent_at: null, send_failed_at: team.server.clock.now() });
    expect(row!.send_error).toMatch(/ECONNREFUSED|connect/i);
    // The admin's app is told it did not go out, and why, as a code.
    expect(invitationStateSchema.parse((await team.owner.get(`/api/v1/agents/${agent.id}/invitation`)).json())).toEqual({
      invitation: { email: `down${n}@example.com`, createdAt: team.server.clock.now(), expiresAt: row!.expires_at, sentAt: null, failedAt: team.server.clock.now(), failure: 'mail-server-unreachable' },
    });

    // Still down: the admin hears that this resend did not go out either, and it does not use up the allowance.
    for (let i = 0; i < RESEND_LIMIT.count + 1; i++) {
      const failed = await team.owner.post(`/api/v1/agents/${agent.id}/invitation`, {});
      expect([failed.statusCode, failed.json().mail]).toEqual([202, 'failed']);
    }

    await team.inbox.start();
    const resent = await team.owner.post(`/api/v1/agents/${agent.id}/invitation`, {});
    expect([resent.statusCode, resent.json().mail]).toEqual([202, 'sent']);
    const mails = team.inbox.to(agent.email);
    expect(mails).toHaveLength(1);
    const token = tokenOf(linkIn(mails[0]!));
    expect((await submitForm(team.server, token, PASSWORD)).statusCode).toBe(200);
    expect((await signIn(team.server, agent.email, PASSWORD)).statusCode).toBe(200);
    const rows = await invitations(agent.id);
    expect(rows.at(-1)).toMatchObject({ sent_at: expect.any(Number), send_failed_at: null, send_error: null });
  });

  it('a recipient the mail server refuses is recorded as such, and the admin reads it with the invitation', async () => {
    const res = await team.owner.post('/api/v1/agents', { email: `nobody${n}@example.com`, fullName: 'No Body', extension: String(750 + n), role: 'basic', groupIds: [team.ws.groupId] });
    expect(res.statusCode).toBe(201);
    const state = invitationStateSchema.parse((await team.owner.get(`/api/v1/agents/${res.json().id}/invitation`)).json());
    expect(state.invitation).toMatchObject({ sentAt: null, failedAt: team.server.clock.now(), failure: 'recipient-refused' });
    expect(team.inbox.to(`nobody${n}@example.com`)).toEqual([]);
  });

  it('an email change while the mail server is down still saves the change; resend sends the confirmation', async () => {
    const { agent } = await inviteAgent(team, n);
    await team.inbox.stop();
    const moved = `moved-down${n}@example.com`;
    expect((await team.owner.patch(`/api/v1/agents/${agent.id}`, { version: 1, email: moved })).json()).toMatchObject({ email: moved, status: 'pending' });
    await team.inbox.start();
    expect((await team.owner.post(`/api/v1/agents/${agent.id}/invitation`, {})).json().mail).toBe('sent');
    expect(team.inbox.last(moved).text).toContain('Hello New Agent');
  });
});

describe.each(DIALECTS)('hostile input on the invitation routes (%s)', (dialect) => {
  let team: MailedTeam;
  let n = 0;
  beforeAll(async () => {
    team = await startMailedTeam(dialect);
  });
  afterAll(() => team.close());
  beforeEach(() => void (n += 1));

  it('the app’s route refuses bad passwords, unknown fields and wrong types with codes, writing nothing', async () => {
    const { token } = await inviteAgent(team, n);
    const before = await rowCounts(team.server);
    const cases: [unknown, Record<string, string>][] = [
      [{ token, password: 'x'.repeat(MAX_PASSWORD + 1) }, { password: 'too-long' }],
      [{ token, password: 'short' }, { password: 'password-too-short' }],
      [{ token, password: PASSWORD, role: 'owner' }, { role: 'unknown-field' }],
      [{ token, password: 12345678901 }, { password: 'invalid' }],
      [{ token: ["' or 1=1 --"], password: PASSWORD }, { token: 'invalid' }],
    ];
    for (const [body, fields] of cases) {
      const res = await acceptJson(team.server, body);
      expect([res.statusCode, res.json()], JSON.stringify(body).slice(0, 80)).toEqual([400, { problem: 'invalid-request', fields }]);
    }
    const notJson = await team.server.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', headers: { 'content-type': 'application/json' }, payload: '{"token":' });
    expect(notJson.statusCode).toBe(400);
    expect(await rowCounts(team.server)).toEqual(before);
    expect((await openLink(team.server, token)).statusCode).toBe(200);
  });

  it('the page names what is wrong with the password, keeps the link, and refuses an oversized form', async () => {
    const { agent, token } = await inviteAgent(team, n);
    const before = await rowCounts(team.server);
    const cases: [string, string, string][] = [
      ['short', 'short', 'Use at least 10 characters.'],
      ['x'.repeat(5000), 'x'.repeat(5000), 'That password is too long.'],
      [PASSWORD, `${PASSWORD}!`, 'The two passwords are not the same.'],
    ];
    for (const [password, repeat, problem] of cases) {
      const res = await submitForm(team.server, token, password, repeat);
      expect(res.statusCode).toBe(400);
      expect(headingOf(res)).toBe('Join Acme Support on Ringdesk');
      expect(res.body).toContain(`<p class="problem" role="alert">${problem}`);
      expect(res.body).not.toContain(password.slice(0, 50)); // never echoed back
    }
    const empty = await team.server.app.inject({ method: 'POST', url: `/invite/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'unexpected=1' });
    expect([empty.statusCode, empty.body.includes('Use at least 10 characters.')]).toEqual([400, true]);
    const huge = await submitForm(team.server, token, 'x'.repeat(20_000));
    expect(huge.statusCode).toBe(413);
    expect(await rowCounts(team.server)).toEqual(before);
    expect((await agentRow(agent.id)).status).toBe('pending');
    expect((await submitForm(team.server, token, PASSWORD)).statusCode).toBe(200);
  });
  const agentRow = (id: string) => team.server.db.database.db.selectFrom('agent').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('names with HTML are shown as text on the page and in the email, and a line break cannot add a mail header', async () => {
    const hostile = `<script>alert("x")</script> & 'Co'`;
    await team.server.db.database.db.updateTable('workspace').set({ name: '<img src=x onerror=alert(1)>' }).execute();
    try {
      const { mail, token } = await inviteAgent(team, n, { fullName: hostile });
      const page = await openLink(team.server, token);
      expect(page.body).not.toMatch(/<script|<img/);
      expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
      expect(headingOf(page)).toBe('Join &lt;img src=x onerror=alert(1)&gt; on Ringdesk');
      expect(mail.html).not.toMatch(/<script|<img/);
      expect(mail.html).toContain('&lt;script&gt;');
      expect(mail.text).toContain(`Hello ${hostile},`);

      const { mail: crlf } = await inviteAgent(team, n + 500, { fullName: 'Eve Evil' });
      expect(crlf.subject).not.toMatch(/[\r\n]/);
      const id = (await team.owner.get(`/api/v1/agents?search=Eve`)).json().agents[0].id;
      await team.server.db.database.db.updateTable('agent').set({ full_name: 'Eve\r\nBcc: victim@example.com' }).where('id', '=', id).execute();
      await team.server.db.database.db.updateTable('workspace').set({ name: 'Acme\r\nBcc: victim@example.com' }).execute();
      expect((await team.owner.post(`/api/v1/agents/${id}/invitation`, {})).json().mail).toBe('sent');
      const last = team.inbox.mails.at(-1)!;
      expect(last.to).toEqual([`new${n + 500}@example.com`]);
      const headers = last.raw.slice(0, last.raw.indexOf('\r\n\r\n'));
      expect(headers).not.toMatch(/^Bcc:/im);
      expect(last.subject).toBe('Olivia Owner invited you to Acme Bcc: victim@example.com on Ringdesk');
    } finally {
      await team.server.db.database.db.updateTable('workspace').set({ name: 'Acme Support' }).execute();
    }
  });

  it('whatever follows /invite/ gets the readable "not valid" page, with no database work for junk', async () => {
    for (const junk of ['%27%20or%201%3D1%20--', 'a'.repeat(2000), 'a/b/c', '', `${'A'.repeat(43)}`]) {
      const res = await openLink(team.server, junk);
      expect(res.statusCode, junk.slice(0, 20)).toBe(404);
      expect(headingOf(res)).toBe('This invitation link is not valid');
    }
  });

  it('the request log never shows an invitation token', () => {
    const token = 'Q'.repeat(43);
    const line = requestForLog({ method: 'POST', url: `/invite/${token}?x=1`, host: 'team.acme.test', ip: '203.0.113.9' } as never);
    expect(line).toEqual({ method: 'POST', url: '/invite/[token]?x=1', host: 'team.acme.test', remoteAddress: '203.0.113.9' });
    expect(requestForLog({ method: 'GET', url: '/api/v1/agents', host: 'h', ip: '::1' } as never).url).toBe('/api/v1/agents');
  });
});
