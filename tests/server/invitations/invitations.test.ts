import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../../common/schemas/workspace/auth';
import { invitationSentSchema, invitationStateSchema } from '../../../common/schemas/workspace/invitation';
import { INVITATION_TTL_MS } from '../../../server/services/invitation-links';
import { RESEND_LIMIT } from '../../../server/services/invitations';
import { digestHashes } from '../../../server/services/sip-provisioning';
import { DIALECTS } from '../support/databases';
import { seedAgent } from '../support/seed';
import { linkIn, tokenOf } from '../../support/smtp-inbox';
import { aliases, rowCounts, teamClient } from '../support/team-client';
import { acceptJson, headingOf, inviteAgent, openLink, PUBLIC_URL, signIn, startMailedTeam, submitForm, type MailedTeam } from './invitation-support';

const PASSWORD = 'a long enough secret';

describe.each(DIALECTS)('inviting an agent by email (%s)', (dialect) => {
  let team: MailedTeam;
  let n = 0;
  beforeAll(async () => {
    team = await startMailedTeam(dialect);
  });
  afterAll(() => team.close());
  beforeEach(() => void (n += 1));

  const agentRow = (id: string) => team.server.db.database.db.selectFrom('agent').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const subscriberOf = (sipUser: string) => team.server.db.database.db.selectFrom('subscriber').selectAll().where('username', '=', sipUser).execute();

  it('emails the new agent a link; opening it twice shows the same set-password page; setting the password activates the agent and sign-in works', async () => {
    const { agent, mail, link, token } = await inviteAgent(team, n, { fullName: 'Ana Agent', extension: '301' });
    expect(mail.to).toEqual([agent.email]);
    expect(mail.from).toBe('ringdesk@acme.test');
    expect(mail.subject).toBe('Olivia Owner invited you to Acme Support on Ringdesk');
    expect(link).toBe(`${PUBLIC_URL}/invite/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.text).toContain('Hello Ana Agent,');
    expect(mail.text).toMatch(/works once and until 9 December 2026/);
    expect(mail.html).toContain(`href="${link}"`);
    // Only the token's SHA-256 is stored.
    const stored = await team.server.db.database.db.selectFrom('invitation').selectAll().where('agent_id', '=', agent.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ email: agent.email, reason: 'created', expires_at: team.server.clock.now() + INVITATION_TTL_MS, used_at: null, send_failed_at: null });
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    // A mail scanner opens the link first, then the invitee: neither uses it up.
    for (const _ of [1, 2]) {
      const page = await openLink(team.server, token);
      expect(page.statusCode).toBe(200);
      expect(headingOf(page)).toBe('Join Acme Support on Ringdesk');
      expect(page.body).toContain('Hello Ana Agent.');
      expect(page.body).toContain(agent.email);
      expect(page.body).toMatch(/<input id="password" name="password" type="password" minlength="10"/);
      expect(page.body).toContain(`href="ringdesk://sign-in?workspace=${encodeURIComponent(PUBLIC_URL)}&amp;email=${encodeURIComponent(agent.email)}"`);
    }
    expect((await agentRow(agent.id)).status).toBe('pending');
    expect((await signIn(team.server, agent.email, PASSWORD)).json()).toEqual({ problem: 'account-pending' });

    const done = await submitForm(team.server, token, PASSWORD);
    expect(done.statusCode).toBe(200);
    expect(headingOf(done)).toBe('Your account is ready');
    expect(done.body).toContain(`sign in to Acme Support with ${agent.email}`);

    const row = await agentRow(agent.id);
    expect(row.status).toBe('active');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.version).toBe(2);
    const session = sessionSchema.parse((await signIn(team.server, agent.email, PASSWORD)).json());
    expect(session.agent).toMatchObject({ id: agent.id, status: 'active' });
    expect(session.sip.ha1).toBe(digestHashes(agent.sipUser, team.server.config.sipDomain, PASSWORD).ha1);
    expect(await subscriberOf(agent.sipUser)).toMatchObject([{ password: '', ...digestHashes(agent.sipUser, team.server.config.sipDomain, PASSWORD) }]);
    expect((await aliases(team.server)).filter((a) => a.startsWith('301→'))).toEqual([`301→${agent.sipUser}`]);
    // The admin's trail shows the agent confirming, by the agent, from where the form came.
    const trail = (await team.owner.get(`/api/v1/agents/${agent.id}/audit`)).json();
    expect(trail.entries[0]).toMatchObject({ field: 'status', oldValue: 'pending', newValue: 'active', actor: { agentId: agent.id }, address: '198.51.100.20' });
  });

  it('accepts through the app’s JSON route too, with codes only; sign-in attempts made while pending no longer lock the account', async () => {
    const { agent, token } = await inviteAgent(team, n);
    for (let i = 0; i < 5; i++) await signIn(team.server, agent.email, PASSWORD);
    expect((await signIn(team.server, agent.email, PASSWORD)).json()).toMatchObject({ problem: 'rate-limited' });
    const res = await acceptJson(team.server, { token, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ agentId: agent.id, email: agent.email });
    expect((await signIn(team.server, agent.email, PASSWORD)).statusCode).toBe(200);
  });

  it('a used link says so, on the page and to the app, and changes nothing', async () => {
    const { agent, token } = await inviteAgent(team, n);
    expect((await submitForm(team.server, token, PASSWORD)).statusCode).toBe(200);
    const before = await rowCounts(team.server);

    const page = await openLink(team.server, token);
    expect(page.statusCode).toBe(410);
    expect(headingOf(page)).toBe('This invitation has already been used');
    expect(page.body).not.toContain('<form');
    const again = await submitForm(team.server, token, 'someone else’s password');
    expect(again.statusCode).toBe(410);
    expect(headingOf(again)).toBe('This invitation has already been used');
    const json = await acceptJson(team.server, { token, password: 'someone else’s password' });
    expect([json.statusCode, json.json()]).toEqual([410, { problem: 'invitation-used' }]);

    expect(await rowCounts(team.server)).toEqual(before);
    expect((await signIn(team.server, agent.email, PASSWORD)).statusCode).toBe(200);
  });

  it('an expired link (7 days later) gets a page saying so; the agent stays pending', async () => {
    const { agent, token } = await inviteAgent(team, n);
    team.server.clock.advance(INVITATION_TTL_MS - 1000);
    expect((await openLink(team.server, token)).statusCode).toBe(200);
    team.server.clock.advance(1000);
    const page = await openLink(team.server, token);
    expect(page.statusCode).toBe(410);
    expect(headingOf(page)).toBe('This invitation has expired');
    expect(page.body).toContain('Ask your administrator to send you a new invitation');
    expect((await submitForm(team.server, token, PASSWORD)).statusCode).toBe(410);
    expect((await acceptJson(team.server, { token, password: PASSWORD })).json()).toEqual({ problem: 'invitation-expired' });
    expect((await agentRow(agent.id)).status).toBe('pending');
    expect(await subscriberOf(agent.sipUser)).toEqual([]);
  });

  it('a tampered, truncated or made-up link is "not valid", whatever is sent with it', async () => {
    const { agent, token } = await inviteAgent(team, n);
    const flipped = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    for (const bad of [flipped, token.slice(0, 30), `${token}x`, 'not-a-token', '%3Cscript%3E']) {
      const page = await openLink(team.server, bad);
      expect(page.statusCode, bad).toBe(404);
      expect(headingOf(page)).toBe('This invitation link is not valid');
      expect((await submitForm(team.server, bad, PASSWORD)).statusCode).toBe(404);
    }
    expect((await acceptJson(team.server, { token: flipped, password: PASSWORD })).json()).toEqual({ problem: 'invitation-invalid' });
    const malformed = await acceptJson(team.server, { token: 'short', password: PASSWORD });
    expect([malformed.statusCode, malformed.json()]).toEqual([400, { problem: 'invalid-request', fields: { token: 'invalid' } }]);
    expect((await agentRow(agent.id)).status).toBe('pending');
    // The real link still works.
    expect((await openLink(team.server, token)).statusCode).toBe(200);
  });

  it('the page is self-contained and locked down: strict CSP, no script, no referrer, not cached, not framed', async () => {
    const { token } = await inviteAgent(team, n);
    for (const res of [await openLink(team.server, token), await openLink(team.server, 'unknown')]) {
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.body).not.toMatch(/<script|src=|<link|https?:\/\/(?!team\.acme\.test)/);
      expect(res.body).not.toContain(token);
    }
  });

  it('an admin reads when the open invitation was sent; a resend replaces it; none once the agent is active', async () => {
    const { agent, token } = await inviteAgent(team, n);
    const state = () => team.owner.get(`/api/v1/agents/${agent.id}/invitation`).then((r) => invitationStateSchema.parse(r.json()));
    const sentAt = team.server.clock.now();
    expect(await state()).toEqual({ invitation: { email: agent.email, createdAt: sentAt, expiresAt: sentAt + INVITATION_TTL_MS, sentAt, failedAt: null, failure: null } });
    team.server.clock.advance(60_000);
    await team.owner.post(`/api/v1/agents/${agent.id}/invitation`, {});
    expect((await state()).invitation).toMatchObject({ createdAt: sentAt + 60_000, sentAt: sentAt + 60_000 });
    await submitForm(team.server, tokenOf(linkIn(team.inbox.last(agent.email))), PASSWORD);
    expect(await state()).toEqual({ invitation: null });
    expect(token).not.toBe(tokenOf(linkIn(team.inbox.last(agent.email))));

    const basic = await seedAgent(team.server, { role: 'basic', groupId: team.ws.groupId });
    expect((await teamClient(team.server, basic.token).get(`/api/v1/agents/${agent.id}/invitation`)).statusCode).toBe(403);
    expect((await team.owner.get('/api/v1/agents/00000000-0000-4000-8000-00000000dead/invitation')).statusCode).toBe(404);
  });

  it('resending kills the old link, and the new one works', async () => {
    const { agent, token: old } = await inviteAgent(team, n);
    const res = await team.owner.post(`/api/v1/agents/${agent.id}/invitation`, {});
    expect(res.statusCode).toBe(202);
    expect(invitationSentSchema.parse(res.json())).toEqual({ agentId: agent.id, expiresAt: team.server.clock.now() + INVITATION_TTL_MS, mail: 'sent' });
    expect(team.inbox.to(agent.email)).toHaveLength(2);
    const fresh = tokenOf(linkIn(team.inbox.last(agent.email)));
    expect(fresh).not.toBe(old);

    const oldPage = await openLink(team.server, old);
    expect(oldPage.statusCode).toBe(410);
    expect(headingOf(oldPage)).toBe('This invitation is no longer valid');
    expect((await acceptJson(team.server, { token: old, password: PASSWORD })).json()).toEqual({ problem: 'invitation-invalid' });
    expect((await submitForm(team.server, fresh, PASSWORD)).statusCode).toBe(200);
    expect((await agentRow(agent.id)).status).toBe('active');
  });

  it(`resending is limited to ${RESEND_LIMIT.count} an hour per agent (counted in the database), with when to try again`, async () => {
    const { agent } = await inviteAgent(team, n);
    const resend = () => team.owner.post(`/api/v1/agents/${agent.id}/invitation`, {});
    for (let i = 0; i < RESEND_LIMIT.count; i++) {
      expect((await resend()).statusCode).toBe(202);
      team.server.clock.advance(60_000);
    }
    const before = await rowCounts(team.server);
    const limited = await resend();
    expect(limited.statusCode).toBe(429);
    // The first resend leaves the hour 57 minutes from now.
    expect(limited.json()).toEqual({ problem: 'rate-limited', retryAfterSec: 57 * 60 });
    expect(limited.headers['retry-after']).toBe(String(57 * 60));
    expect(await rowCounts(team.server)).toEqual(before);
    expect(team.inbox.to(agent.email)).toHaveLength(1 + RESEND_LIMIT.count);
    // Another agent is not held back by this one's resends.
    const other = await inviteAgent(team, n + 500);
    expect((await team.owner.post(`/api/v1/agents/${other.agent.id}/invitation`, {})).statusCode).toBe(202);

    team.server.clock.advance(57 * 60_000);
    expect((await resend()).statusCode).toBe(202);
  });

  it('resending is refused for an agent who has already confirmed, or is disabled, and for Basic agents', async () => {
    const { agent, token } = await inviteAgent(team, n);
    await submitForm(team.server, token, PASSWORD);
    const active = await team.owner.post(`/api/v1/agents/${agent.id}/invitation`, {});
    expect([active.statusCode, active.json()]).toEqual([409, { problem: 'agent-already-active' }]);

    const disabled = await seedAgent(team.server, { role: 'basic', groupId: team.ws.groupId, status: 'disabled' });
    expect((await team.owner.post(`/api/v1/agents/${disabled.id}/invitation`, {})).json()).toEqual({ problem: 'account-disabled' });
    expect((await team.owner.post('/api/v1/agents/00000000-0000-4000-8000-00000000dead/invitation', {})).statusCode).toBe(404);

    const basic = await seedAgent(team.server, { role: 'basic', groupId: team.ws.groupId });
    const pending = await inviteAgent(team, n + 500);
    const refused = await teamClient(team.server, basic.token).post(`/api/v1/agents/${pending.agent.id}/invitation`, {});
    expect([refused.statusCode, refused.json()]).toEqual([403, { problem: 'forbidden' }]);
    expect(team.inbox.to(pending.agent.email)).toHaveLength(1);
  });

  it('changing an agent’s email sends a confirmation to the new address; the old link dies; confirming makes it active again', async () => {
    const { agent, token } = await inviteAgent(team, n, { fullName: 'Ben Agent' });
    await submitForm(team.server, token, PASSWORD);
    const moved = `ben.moved${n}@example.com`;
    const res = await team.owner.patch(`/api/v1/agents/${agent.id}`, { version: 2, email: moved });
    expect(res.json()).toMatchObject({ status: 'pending', email: moved });
    expect(await subscriberOf(agent.sipUser)).toEqual([]);
    expect((await signIn(team.server, moved, PASSWORD)).json()).toEqual({ problem: 'account-pending' });

    const mail = team.inbox.last(moved);
    expect(mail.subject).toBe('Confirm your email address for Acme Support on Ringdesk');
    expect(mail.text).toContain('was changed to this one');
    const confirm = tokenOf(linkIn(mail));
    expect(headingOf(await openLink(team.server, confirm))).toBe('Join Acme Support on Ringdesk');
    expect((await openLink(team.server, confirm)).body).toContain(moved);

    // A pending agent whose address changes again: only the newest link works.
    const again = `ben.again${n}@example.com`;
    expect((await team.owner.patch(`/api/v1/agents/${agent.id}`, { version: 3, email: again })).statusCode).toBe(200);
    expect((await openLink(team.server, confirm)).statusCode).toBe(410);
    const newest = tokenOf(linkIn(team.inbox.last(again)));
    expect((await acceptJson(team.server, { token: newest, password: 'the new password' })).statusCode).toBe(200);
    expect((await signIn(team.server, again, 'the new password')).statusCode).toBe(200);
    expect(await subscriberOf(agent.sipUser)).toHaveLength(1);
  });

  it('enabling a disabled agent invites it again to set a new password', async () => {
    const { agent, token } = await inviteAgent(team, n);
    await submitForm(team.server, token, PASSWORD);
    expect((await team.owner.patch(`/api/v1/agents/${agent.id}`, { version: 2, status: 'disabled' })).json().status).toBe('disabled');
    expect((await team.owner.patch(`/api/v1/agents/${agent.id}`, { version: 3, status: 'active' })).json().status).toBe('pending');
    const mail = team.inbox.last(agent.email);
    expect(mail.subject).toBe('Your Ringdesk account for Acme Support is enabled again');
    expect((await submitForm(team.server, tokenOf(linkIn(mail)), 'a brand new password')).statusCode).toBe(200);
    expect((await signIn(team.server, agent.email, 'a brand new password')).statusCode).toBe(200);
  });

  it('disabling a pending agent makes its link dead', async () => {
    const { agent, token } = await inviteAgent(team, n);
    expect((await team.owner.patch(`/api/v1/agents/${agent.id}`, { version: 1, status: 'disabled' })).statusCode).toBe(200);
    expect((await openLink(team.server, token)).statusCode).toBe(410);
    expect((await acceptJson(team.server, { token, password: PASSWORD })).json()).toEqual({ problem: 'invitation-invalid' });
    expect((await agentRow(agent.id)).status).toBe('disabled');
  });

  it('two accepts racing with one link: exactly one wins, the other is told the link is used', async () => {
    const { agent, token } = await inviteAgent(team, n);
    const results = await Promise.all([
      acceptJson(team.server, { token, password: 'first racer password' }),
      acceptJson(team.server, { token, password: 'second racer password' }),
      submitForm(team.server, token, 'third racer password'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410, 410]);
    const winner = ['first racer password', 'second racer password', 'third racer password'][results.findIndex((r) => r.statusCode === 200)]!;
    expect((await signIn(team.server, agent.email, winner)).statusCode).toBe(200);
    expect(await subscriberOf(agent.sipUser)).toEqual([expect.objectContaining(digestHashes(agent.sipUser, team.server.config.sipDomain, winner))]);
    const trail = (await team.owner.get(`/api/v1/agents/${agent.id}/audit`)).json();
    expect(trail.entries.filter((e: { field: string }) => e.field === 'status')).toHaveLength(1);
  });
});
