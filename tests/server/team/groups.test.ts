import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupListSchema, groupSchema } from '../../../common/schemas/workspace/group';
import { DIALECTS } from '../support/databases';
import { seedAgent, seedGroup, seedWorkspace, type SeededWorkspace } from '../support/seed';
import { rowCounts, teamClient, type TeamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('admins managing groups (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let admin: TeamClient;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
    admin = teamClient(server, (await seedAgent(server, { role: 'admin', groupId: ws.groupId })).token);
  });
  afterAll(() => server.close());

  it('creates a group with a number and members, and lists every group with its members', async () => {
    const a = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const res = await admin.post('/api/v1/groups', { name: 'Sales Team', number: '600', memberIds: [a.id, a.id] });
    expect(res.statusCode).toBe(201);
    const group = groupSchema.parse(res.json());
    expect(group).toMatchObject({ name: 'Sales Team', number: '600', memberIds: [a.id], version: 1 });
    const list = groupListSchema.parse((await admin.get('/api/v1/groups')).json());
    expect(list.groups.find((g) => g.id === group.id)).toEqual(group);
    expect((await admin.get(`/api/v1/agents/${a.id}`)).json().groupIds.sort()).toEqual([ws.groupId, group.id].sort());
  });

  it('refuses a taken name (in any case), a number that is a group’s or an extension, and unknown members', async () => {
    await seedGroup(server, { name: 'Support Team', number: '610' });
    const before = await rowCounts(server);
    expect((await admin.post('/api/v1/groups', { name: 'support team' })).json()).toEqual({ problem: 'field-conflict', fields: { name: 'group-name-taken' } });
    expect((await admin.post('/api/v1/groups', { name: 'X1', number: '610' })).json()).toEqual({ problem: 'field-conflict', fields: { number: 'group-number-taken' } });
    expect((await admin.post('/api/v1/groups', { name: 'X2', number: ws.owner.extension })).json()).toEqual({ problem: 'field-conflict', fields: { number: 'group-number-taken' } });
    expect((await admin.post('/api/v1/groups', { name: 'X3', memberIds: ['00000000-0000-4000-8000-00000000beef'] })).json()).toEqual({ problem: 'field-conflict', fields: { memberIds: 'agent-unknown' } });
    expect(await rowCounts(server)).toEqual(before);
  });

  it('renames, renumbers and changes members, with the version the editor saw', async () => {
    const group = (await admin.post('/api/v1/groups', { name: 'Dev Team', number: '620' })).json();
    const a = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const res = await admin.patch(`/api/v1/groups/${group.id}`, { version: 1, name: 'Developers', number: '621', memberIds: [a.id] });
    expect(res.json()).toMatchObject({ name: 'Developers', number: '621', memberIds: [a.id], version: 2 });
    const stale = await admin.patch(`/api/v1/groups/${group.id}`, { version: 1, name: 'Old Copy' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().problem).toBe('version-conflict');
    expect((await admin.patch(`/api/v1/groups/${group.id}`, { version: 2, number: null })).json().number).toBeNull();
  });

  it('refuses to take an agent out of its only group, naming the agent, and changes nothing', async () => {
    const only = await seedGroup(server, { name: 'Lonely' });
    const agent = await seedAgent(server, { role: 'basic', groupId: only });
    const before = await rowCounts(server);
    const res = await admin.patch(`/api/v1/groups/${only}`, { version: 1, memberIds: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ problem: 'agent-needs-group', agentIds: [agent.id] });
    expect(await rowCounts(server)).toEqual(before);
  });

  it('refuses to delete a group that is some agent’s only one, and deletes it once they have another', async () => {
    const only = await seedGroup(server, { name: 'Doomed', number: '630' });
    const agent = await seedAgent(server, { role: 'basic', groupId: only });
    const before = await rowCounts(server);
    expect((await admin.delete(`/api/v1/groups/${only}`)).json()).toEqual({ problem: 'agent-needs-group', agentIds: [agent.id] });
    expect(await rowCounts(server)).toEqual(before);
    const agentVersion = (await admin.get(`/api/v1/agents/${agent.id}`)).json().version;
    expect((await admin.patch(`/api/v1/agents/${agent.id}`, { version: agentVersion, groupIds: [only, ws.groupId] })).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/groups/${only}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/agents/${agent.id}`)).json().groupIds).toEqual([ws.groupId]);
    expect((await admin.patch(`/api/v1/groups/${only}`, { version: 1, name: 'Back' })).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/groups/${only}`)).statusCode).toBe(404);
  });

  it('moves an agent’s version on when a group change moves it, so an older copy of the agent cannot undo it', async () => {
    const group = (await admin.post('/api/v1/groups', { name: 'Moving' })).json();
    const agent = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    expect((await admin.patch(`/api/v1/groups/${group.id}`, { version: 1, memberIds: [agent.id] })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/v1/agents/${agent.id}`, { version: 1, groupIds: [ws.groupId] });
    expect(stale.json().problem).toBe('version-conflict');
  });
});
