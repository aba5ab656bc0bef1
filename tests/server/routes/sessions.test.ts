import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meSchema, sessionSchema, type Session } from '../../../common/schemas/workspace/auth';
import { REFRESH_TOKEN_TTL_MS } from '../../../server/services/sessions';
import { agentWithPassword, createTeam, post } from '../support/accounts';
import { DIALECTS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('staying signed in (%s)', (dialect) => {
  let server: TestServer;
  let groupId: string;
  const password = 'stay signed in please';

  beforeAll(async () => {
    server = await startTestServer(dialect);
    groupId = (await createTeam(server)).agent.groupIds[0]!;
  });
  afterAll(() => server.close());

  /** A fresh agent, signed in: each test gets its own session family. */
  async function signedIn(): Promise<{ id: string; session: Session }> {
    const agent = await agentWithPassword(server, groupId, password);
    const res = await post(server, '/api/v1/auth/sign-in', { email: agent.email, password });
    return { id: agent.id, session: sessionSchema.parse(res.json()) };
  }
  const refresh = (refreshToken: string) => post(server, '/api/v1/auth/refresh', { refreshToken });
  const me = (token: string) => server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

  it('trades a refresh token for a new session, once', async () => {
    const { id, session } = await signedIn();
    const res = await refresh(session.refreshToken);
    expect(res.statusCode).toBe(200);
    const next = sessionSchema.parse(res.json());
    expect(next.agent.id).toBe(id);
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(next.sip).toEqual(session.sip);
    expect((await me(next.accessToken)).statusCode).toBe(200);
    // The new token keeps working; rotation continues.
    expect((await refresh(next.refreshToken)).statusCode).toBe(200);
  });

  it('ends every session of the family when a spent refresh token comes back (a stolen copy)', async () => {
    const { session } = await signedIn();
    const legit = sessionSchema.parse((await refresh(session.refreshToken)).json());
    // The thief replays the old token: refused, and the agent's current token dies with it.
    const replay = await refresh(session.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toEqual({ problem: 'session-ended' });
    expect((await refresh(legit.refreshToken)).json()).toEqual({ problem: 'session-ended' });
    // Other sign-ins of other agents are untouched.
    const other = await signedIn();
    expect((await refresh(other.session.refreshToken)).statusCode).toBe(200);
  });

  it('lets only one of two simultaneous refreshes with one token through, and ends the family', async () => {
    const { session } = await signedIn();
    const [a, b] = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 401]);
    const winner = sessionSchema.parse((a.statusCode === 200 ? a : b).json());
    expect((await refresh(winner.refreshToken)).json()).toEqual({ problem: 'session-ended' });
  });

  it('refuses an unknown, made-up or expired refresh token the same way', async () => {
    expect((await refresh('x'.repeat(43))).json()).toEqual({ problem: 'session-ended' });
    const { session } = await signedIn();
    server.clock.advance(REFRESH_TOKEN_TTL_MS);
    expect((await refresh(session.refreshToken)).json()).toEqual({ problem: 'session-ended' });
  });

  it('signs out: the refresh token and its family stop working, and signing out twice is fine', async () => {
    const { session } = await signedIn();
    const rotated = sessionSchema.parse((await refresh(session.refreshToken)).json());
    const out = await post(server, '/api/v1/auth/sign-out', { refreshToken: rotated.refreshToken });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    expect((await refresh(rotated.refreshToken)).json()).toEqual({ problem: 'session-ended' });
    expect((await post(server, '/api/v1/auth/sign-out', { refreshToken: rotated.refreshToken })).statusCode).toBe(204);
    expect((await post(server, '/api/v1/auth/sign-out', { refreshToken: 'never issued' })).statusCode).toBe(204);
  });

  it('refuses to refresh a session of an agent disabled since', async () => {
    const { id, session } = await signedIn();
    await server.db.database.db.updateTable('agent').set({ status: 'disabled' }).where('id', '=', id).execute();
    expect((await refresh(session.refreshToken)).json()).toEqual({ problem: 'account-disabled' });
    await server.db.database.db.updateTable('agent').set({ status: 'active' }).where('id', '=', id).execute();
    // Re-enabled, the old session stays ended: they sign in again.
    expect((await refresh(session.refreshToken)).json()).toEqual({ problem: 'session-ended' });
  });

  it('tells the app who it is signed in as, with what changed since sign-in', async () => {
    const { id, session } = await signedIn();
    await server.db.database.db.updateTable('agent').set({ full_name: 'Renamed Agent', version: 2 }).where('id', '=', id).execute();
    const res = await me(session.accessToken);
    expect(res.statusCode).toBe(200);
    const body = meSchema.parse(res.json());
    expect(body.agent).toMatchObject({ id, fullName: 'Renamed Agent', version: 2 });
    expect(body.sip).toEqual({ ...session.sip, displayName: 'Renamed Agent' });
    expect(res.body).not.toMatch(/argon2|password/i);
    expect((await me('not-a-token')).json()).toEqual({ problem: 'unauthorized' });
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });
});
