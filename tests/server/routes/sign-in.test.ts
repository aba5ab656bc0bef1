import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../../common/schemas/workspace/auth';
import { ACCESS_TOKEN_TTL_MS } from '../../../server/services/access-tokens';
import { digestHashes } from '../../../server/services/sip-provisioning';
import { OWNER_PASSWORD, agentWithPassword, createTeam, post } from '../support/accounts';
import { DIALECTS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('signing in (%s)', (dialect) => {
  let server: TestServer;
  let groupId: string;
  // Each test signs in from its own address, so the per-address limit of one test never spills into another.
  let address = 0;
  const signIn = (email: string, password: string, remoteAddress = `10.0.0.${++address}`) => post(server, '/api/v1/auth/sign-in', { email, password }, { remoteAddress });

  beforeAll(async () => {
    server = await startTestServer(dialect);
    groupId = (await createTeam(server)).agent.groupIds[0]!;
  });
  afterAll(() => server.close());

  it('hands a teammate a session and the SIP account to register with', async () => {
    const agent = await agentWithPassword(server, groupId, 'a long enough secret');
    const res = await signIn(agent.email.toUpperCase(), 'a long enough secret');
    expect(res.statusCode).toBe(200);
    const session = sessionSchema.parse(res.json());
    expect(session.agent).toMatchObject({ id: agent.id, email: agent.email, role: 'basic', status: 'active', groupIds: [groupId] });
    expect(session.sip).toEqual({
      sipUser: agent.sipUser,
      domain: server.config.sipDomain,
      wsServer: server.config.wsServer,
      displayName: session.agent.fullName,
      ha1: digestHashes(agent.sipUser, server.config.sipDomain, 'a long enough secret').ha1,
    });
    expect(session.accessExpiresAt).toBe(server.clock.now() + ACCESS_TOKEN_TTL_MS);
    expect(session.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(session.refreshExpiresAt).toBeGreaterThan(server.clock.now() + 29 * 24 * 3600_000);
    // Only the hash of the refresh token is kept.
    const stored = await server.db.database.db.selectFrom('refresh_token').select('token_hash').where('agent_id', '=', agent.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(session.refreshToken);
    // The session never carries the password hash.
    expect(res.body).not.toMatch(/argon2|password/i);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrongPassword = await signIn('olivia@example.com', 'not the password');
    const unknownEmail = await signIn('nobody@example.com', OWNER_PASSWORD);
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual({ problem: 'sign-in-failed' });
    expect(unknownEmail.json()).toEqual({ problem: 'sign-in-failed' });
    expect(unknownEmail.headers).toEqual({ ...wrongPassword.headers, date: unknownEmail.headers.date });
  });

  it('takes about as long for an unknown email as for a wrong password (no timing oracle)', async () => {
    const median = async (email: string) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await signIn(email, `wrong guess ${i}`);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[1]!;
    };
    await signIn('warm-up@example.com', 'warm up the dummy hash');
    const known = await median('olivia@example.com');
    const unknown = await median('ghost@example.com');
    // Without the dummy verification the unknown email answers in ~1 ms against ~60 ms; loose bounds for a busy machine.
    expect(unknown).toBeGreaterThan(known * 0.4);
    await server.db.database.db.deleteFrom('throttle').execute();
  });

  it('tells an invited agent who has not set a password yet that the account is pending', async () => {
    const invited = await agentWithPassword(server, groupId, 'irrelevant password', 'pending');
    await server.db.database.db.updateTable('agent').set({ password_hash: null }).where('id', '=', invited.id).execute();
    const res = await signIn(invited.email, 'anything at all');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ problem: 'account-pending' });
    expect(await server.db.database.db.selectFrom('refresh_token').select('id').where('agent_id', '=', invited.id).execute()).toEqual([]);
  });

  it('says a pending agent re-confirming an email is pending only to someone who knows the password', async () => {
    const agent = await agentWithPassword(server, groupId, 'the real password', 'pending');
    expect((await signIn(agent.email, 'a wrong password')).json()).toEqual({ problem: 'sign-in-failed' });
    expect((await signIn(agent.email, 'the real password')).json()).toEqual({ problem: 'account-pending' });
  });

  it('refuses a disabled agent with the right password, and says why', async () => {
    const agent = await agentWithPassword(server, groupId, 'the real password', 'disabled');
    expect((await signIn(agent.email, 'a wrong password')).json()).toEqual({ problem: 'sign-in-failed' });
    const res = await signIn(agent.email, 'the real password');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ problem: 'account-disabled' });
  });

  it('upgrades a password hash made with older parameters at the next sign-in', async () => {
    const agent = await agentWithPassword(server, groupId, 'an older password');
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash('an older password', { memoryCost: 19456, timeCost: 2 });
    await server.db.database.db.updateTable('agent').set({ password_hash: weak }).where('id', '=', agent.id).execute();
    expect((await signIn(agent.email, 'an older password')).statusCode).toBe(200);
    const row = await server.db.database.db.selectFrom('agent').select('password_hash').where('id', '=', agent.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/m=65536,t=3,p=1/);
    expect((await signIn(agent.email, 'an older password')).statusCode).toBe(200);
  });
});
