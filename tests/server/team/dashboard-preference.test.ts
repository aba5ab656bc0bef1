import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAgentSettings } from '../../../common/schemas/workspace/agent';
import { DIALECTS } from '../support/databases';
import { seedAgent, seedWorkspace, type SeededWorkspace } from '../support/seed';
import { newAgentBody, rowCounts, teamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

const on = { preferences: { extendedDashboard: true } };

describe.each(DIALECTS)('the Extended Agents Dashboard preference (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
  });
  afterAll(() => server.close());
  const field = 'settings.preferences.extendedDashboard';

  it('is refused while the team has 3 agents or fewer, even for the Owner', async () => {
    await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const before = await rowCounts(server);
    const res = await teamClient(server, ws.owner.token).patch('/api/v1/me/profile', { version: 1, settings: on });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ problem: 'field-conflict', fields: { [field]: 'dashboard-team-too-small' } });
    expect(await rowCounts(server)).toEqual(before);
  });

  it('counts an agent being added: the fourth agent may be an admin with the dashboard on', async () => {
    const settings = { ...defaultAgentSettings('Europe/London'), ...on };
    const res = await teamClient(server, ws.owner.token).post('/api/v1/agents', newAgentBody(1, [ws.groupId], { role: 'admin', settings }));
    expect(res.statusCode).toBe(201);
    expect(res.json().settings.preferences.extendedDashboard).toBe(true);
  });

  it('is offered to admins once the team has more than 3 agents, never to a Basic agent', async () => {
    const owner = teamClient(server, ws.owner.token);
    expect((await owner.patch('/api/v1/me/profile', { version: 1, settings: on })).json().settings.preferences.extendedDashboard).toBe(true);
    const basic = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const mine = await teamClient(server, basic.token).patch('/api/v1/me/profile', { version: 1, settings: on });
    expect(mine.json()).toEqual({ problem: 'field-conflict', fields: { [field]: 'dashboard-admins-only' } });
    const byAdmin = await owner.patch(`/api/v1/agents/${basic.id}`, { version: 1, settings: on });
    expect(byAdmin.json()).toEqual({ problem: 'field-conflict', fields: { [field]: 'dashboard-admins-only' } });
    const created = await owner.post('/api/v1/agents', newAgentBody(2, [ws.groupId], { settings: { ...defaultAgentSettings('UTC'), ...on } }));
    expect(created.json()).toEqual({ problem: 'field-conflict', fields: { [field]: 'dashboard-admins-only' } });
  });

  it('is switched off when its admin is made Basic', async () => {
    const admin = await seedAgent(server, { role: 'admin', groupId: ws.groupId });
    expect((await teamClient(server, admin.token).patch('/api/v1/me/profile', { version: 1, settings: on })).statusCode).toBe(200);
    const res = await teamClient(server, ws.owner.token).patch(`/api/v1/agents/${admin.id}`, { version: 2, role: 'basic' });
    expect(res.json()).toMatchObject({ role: 'basic', settings: { preferences: { extendedDashboard: false } } });
  });
});
