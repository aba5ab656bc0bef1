import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_MS } from '../../../server/services/access-tokens';
import { DIALECTS } from '../support/databases';
import { seedAgent, seedWorkspace, type SeededWorkspace } from '../support/seed';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('who may call the workspace (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
    // A probe route behind each guard: the real guards, as every route uses them.
    server.app.get('/probe/agent', async (req) => ({ role: (await server.context.guards.agent(req)).role }));
    server.app.get('/probe/admin', async (req) => ({ role: (await server.context.guards.admin(req)).role }));
  });
  afterAll(() => server.close());

  const get = (url: string, token?: string) => server.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lets a signed-in agent in and tells routes their role', async () => {
    expect((await get('/probe/agent', ws.owner.token)).json()).toEqual({ role: 'owner' });
  });

  it('refuses a missing, tampered or foreign token with 401', async () => {
    expect((await get('/probe/agent')).statusCode).toBe(401);
    const [v, payload, mac] = ws.owner.token.split('.');
    const forged = `${v}.${Buffer.from(JSON.stringify({ sub: ws.owner.id, exp: 9e15 })).toString('base64url')}.${mac}`;
    expect((await get('/probe/agent', forged)).json()).toEqual({ problem: 'unauthorized' });
    expect((await get('/probe/agent', `${v}.${payload}.${mac!.slice(0, -2)}xx`)).statusCode).toBe(401);
  });

  it('stops accepting a token once it has expired', async () => {
    const basic = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    expect((await get('/probe/agent', basic.token)).statusCode).toBe(200);
    server.clock.advance(ACCESS_TOKEN_TTL_MS + 1);
    expect((await get('/probe/agent', basic.token)).statusCode).toBe(401);
  });

  it('gives a Basic agent 403 on an admin route, and an Administrator 200', async () => {
    const basic = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const admin = await seedAgent(server, { role: 'admin', groupId: ws.groupId });
    expect((await get('/probe/admin', basic.token)).json()).toEqual({ problem: 'forbidden' });
    expect((await get('/probe/admin', admin.token)).statusCode).toBe(200);
  });

  it('shuts a disabled agent out at once, even with a token still in date', async () => {
    const agent = await seedAgent(server, { role: 'admin', groupId: ws.groupId });
    await server.db.database.db.updateTable('agent').set({ status: 'disabled' }).where('id', '=', agent.id).execute();
    expect((await get('/probe/agent', agent.token)).json()).toEqual({ problem: 'account-disabled' });
  });
});
