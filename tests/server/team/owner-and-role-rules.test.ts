import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { seedAgent, seedWorkspace, type SeededAgent, type SeededWorkspace } from '../support/seed';
import { newAgentBody, rowCounts, teamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('the Owner and role rules (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let admin: SeededAgent;
  const version = async (id: string) => (await server.db.database.db.selectFrom('agent').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const roleOf = async (id: string) => (await server.db.database.db.selectFrom('agent').select('role').where('id', '=', id).executeTakeFirstOrThrow()).role;
  const owners = async () => (await server.db.database.db.selectFrom('agent').select('id').where('role', '=', 'owner').execute()).map((r) => r.id);
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
    admin = await seedAgent(server, { role: 'admin', groupId: ws.groupId, fullName: 'Adam Admin' });
  });
  afterAll(() => server.close());

  it('never lets the Owner demote, disable or delete themselves: there is always exactly one Owner', async () => {
    const owner = teamClient(server, ws.owner.token);
    const before = await rowCounts(server);
    for (const change of [{ role: 'admin' }, { role: 'basic' }, { status: 'disabled' }]) {
      const res = await owner.patch(`/api/v1/agents/${ws.owner.id}`, { version: await version(ws.owner.id), ...change });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ problem: 'last-owner' });
    }
    expect((await owner.delete(`/api/v1/agents/${ws.owner.id}`)).json()).toEqual({ problem: 'last-owner' });
    expect(await owners()).toEqual([ws.owner.id]);
    expect(await rowCounts(server)).toEqual(before);
  });

  it('keeps an Administrator from changing the Owner’s role, email or status, deleting the Owner, or making anyone Owner', async () => {
    const client = teamClient(server, admin.token);
    const before = await rowCounts(server);
    const v = await version(ws.owner.id);
    for (const change of [{ role: 'admin' }, { email: 'takeover@example.com' }, { status: 'disabled' }]) {
      const res = await client.patch(`/api/v1/agents/${ws.owner.id}`, { version: v, ...change });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ problem: 'owner-only' });
    }
    expect((await client.delete(`/api/v1/agents/${ws.owner.id}`)).json()).toEqual({ problem: 'owner-only' });
    const basic = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const countsNow = await rowCounts(server);
    expect((await client.patch(`/api/v1/agents/${basic.id}`, { version: 1, role: 'owner' })).json()).toEqual({ problem: 'owner-only' });
    expect((await client.patch(`/api/v1/agents/${admin.id}`, { version: await version(admin.id), role: 'owner' })).json()).toEqual({ problem: 'owner-only' });
    expect(await owners()).toEqual([ws.owner.id]);
    expect(before.agent + 1).toBe(countsNow.agent);
    expect(await rowCounts(server)).toEqual(countsNow);
  });

  it('lets an Administrator edit the Owner’s other fields, such as the name', async () => {
    const res = await teamClient(server, admin.token).patch(`/api/v1/agents/${ws.owner.id}`, { version: await version(ws.owner.id), fullName: 'Olivia O. Owner' });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('owner');
  });

  it('never creates a second Owner: a new agent is Basic or Administrator only', async () => {
    const res = await teamClient(server, ws.owner.token).post('/api/v1/agents', newAgentBody(1, [ws.groupId], { role: 'owner' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ problem: 'invalid-request', fields: { role: 'role-invalid' } });
  });

  it('hands ownership over: the new Owner is the only one and the old Owner becomes an Administrator', async () => {
    const pending = await seedAgent(server, { role: 'admin', groupId: ws.groupId, status: 'pending' });
    const owner = teamClient(server, ws.owner.token);
    const refused = await owner.patch(`/api/v1/agents/${pending.id}`, { version: 1, role: 'owner' });
    expect(refused.json()).toEqual({ problem: 'field-conflict', fields: { role: 'owner-must-be-active' } });

    const heir = await seedAgent(server, { role: 'admin', groupId: ws.groupId, fullName: 'Hera Heir' });
    const res = await owner.patch(`/api/v1/agents/${heir.id}`, { version: 1, role: 'owner' });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('owner');
    expect(await owners()).toEqual([heir.id]);
    expect(await roleOf(ws.owner.id)).toBe('admin');
    // The former Owner is an Administrator now, with no say over the new Owner.
    const back = await owner.patch(`/api/v1/agents/${ws.owner.id}`, { version: await version(ws.owner.id), role: 'owner' });
    expect(back.json()).toEqual({ problem: 'owner-only' });
    // …and the new Owner can hand it back.
    const returned = await teamClient(server, heir.token).patch(`/api/v1/agents/${ws.owner.id}`, { version: await version(ws.owner.id), role: 'owner' });
    expect(returned.statusCode).toBe(200);
    expect(await owners()).toEqual([ws.owner.id]);
  });

  it('lets an Administrator change other agents’ roles between Basic and Administrator', async () => {
    const basic = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const res = await teamClient(server, admin.token).patch(`/api/v1/agents/${basic.id}`, { version: 1, role: 'admin' });
    expect(res.json().role).toBe('admin');
  });
});
