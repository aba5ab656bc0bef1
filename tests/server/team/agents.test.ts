import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agentSchema, defaultAgentSettings } from '../../../common/schemas/workspace/agent';
import { DIALECTS } from '../support/databases';
import { recordingPorts, type RecordingPorts } from '../support/recording-ports';
import { seedAgent, seedGroup, seedWorkspace, type SeededWorkspace } from '../support/seed';
import { aliases, newAgentBody, rowCounts, teamClient, type TeamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('admins adding, editing and removing agents (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let ports: RecordingPorts;
  let owner: TeamClient;
  let n = 0;
  beforeAll(async () => {
    ports = recordingPorts();
    server = await startTestServer(dialect, {}, ports);
    ws = await seedWorkspace(server);
    owner = teamClient(server, ws.owner.token);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    n += 1;
    ports.bindings.dropped.length = 0;
    ports.confirmations.requests.length = 0;
  });

  it('adds an agent as pending, in its groups, with the team’s time zone, and asks for its invitation', async () => {
    const res = await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId], { personalPhone: '+442079460958' }));
    expect(res.statusCode).toBe(201);
    const agent = agentSchema.parse(res.json());
    expect(agent).toMatchObject({ email: `new${n}@example.com`, status: 'pending', role: 'basic', groupIds: [ws.groupId], personalPhone: '+442079460958', version: 1 });
    expect(agent.settings).toEqual(defaultAgentSettings('Europe/London'));
    expect((await owner.get(`/api/v1/agents/${agent.id}`)).json()).toEqual(agent);
    expect(ports.confirmations.requests).toEqual([{ agentId: agent.id, email: agent.email, reason: 'created', requestedBy: ws.owner.id }]);
    // Pending: no credentials and nothing that rings it yet.
    const subscriber = await server.db.database.db.selectFrom('subscriber').selectAll().where('username', '=', agent.sipUser).execute();
    expect(subscriber).toEqual([]);
    expect((await aliases(server)).filter((a) => a.endsWith(agent.sipUser))).toEqual([]);
  });

  it('keeps the new agent when its invitation cannot be sent (the admin can resend)', async () => {
    ports.confirmations.failNext = true;
    const res = await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId]));
    expect(res.statusCode).toBe(201);
    expect((await owner.get(`/api/v1/agents/${res.json().id}`)).statusCode).toBe(200);
  });

  it('takes an email in any case and keeps it in lower case, so it stays unique', async () => {
    const res = await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId], { email: `  Mixed.Case${n}@Example.COM ` }));
    expect(res.json().email).toBe(`mixed.case${n}@example.com`);
    const again = await owner.post('/api/v1/agents', newAgentBody(n + 1000, [ws.groupId], { email: `mixed.case${n}@example.com` }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ problem: 'field-conflict', fields: { email: 'email-taken' } });
  });

  it('refuses an extension a teammate or a group number already has, naming every field at once', async () => {
    await seedGroup(server, { name: `Numbered ${n}`, number: '880' });
    const before = await rowCounts(server);
    const both = await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId], { email: ws.owner.email, extension: ws.owner.extension }));
    expect(both.json()).toEqual({ problem: 'field-conflict', fields: { email: 'email-taken', extension: 'extension-taken' } });
    const groupNumber = await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId], { extension: '880' }));
    expect(groupNumber.json()).toEqual({ problem: 'field-conflict', fields: { extension: 'extension-taken' } });
    expect(await rowCounts(server)).toEqual(before);
  });

  it('refuses groups that do not exist, and an agent with no group at all', async () => {
    const before = await rowCounts(server);
    const unknown = await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId, '00000000-0000-4000-8000-00000000dead']));
    expect(unknown.json()).toEqual({ problem: 'field-conflict', fields: { groupIds: 'group-unknown' } });
    const none = await owner.post('/api/v1/agents', newAgentBody(n, []));
    expect(none.statusCode).toBe(400);
    expect(none.json()).toEqual({ problem: 'invalid-request', fields: { groupIds: 'groups-missing' } });
    expect(await rowCounts(server)).toEqual(before);
  });

  it('edits the fields given, keeps the others, and moves the version on', async () => {
    const created = (await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId]))).json();
    const other = await seedGroup(server, { name: `Second ${n}` });
    const notifications = { incomingCall: true, missedCall: false, voicemail: true };
    const res = await owner.patch(`/api/v1/agents/${created.id}`, { version: 1, fullName: 'Renamed Agent', groupIds: [other], settings: { notifications } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fullName: 'Renamed Agent', email: created.email, groupIds: [other], version: 2, settings: { ...created.settings, notifications } });
    expect((await owner.get(`/api/v1/agents/${created.id}`)).json().fullName).toBe('Renamed Agent');
  });

  it('writes nothing when a form is saved unchanged: same version, no trail entry', async () => {
    const created = (await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId]))).json();
    const before = await rowCounts(server);
    const res = await owner.patch(`/api/v1/agents/${created.id}`, { version: 1, fullName: created.fullName, groupIds: created.groupIds, settings: created.settings });
    expect(res.json()).toEqual(created);
    expect(await rowCounts(server)).toEqual(before);
  });

  it('sets an active agent back to pending when its email changes, removing its SIP account until it confirms', async () => {
    const agent = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    await server.db.database.db.insertInto('subscriber').values({ username: agent.sipUser, domain: server.config.sipDomain, password: '', ha1: 'x', ha1b: 'y' }).execute();
    const res = await owner.patch(`/api/v1/agents/${agent.id}`, { version: 1, email: `moved${n}@example.com` });
    expect(res.json()).toMatchObject({ status: 'pending', email: `moved${n}@example.com` });
    expect(await server.db.database.db.selectFrom('subscriber').selectAll().where('username', '=', agent.sipUser).execute()).toEqual([]);
    expect(ports.bindings.dropped).toEqual([agent.sipUser]);
    expect(ports.confirmations.requests).toEqual([{ agentId: agent.id, email: `moved${n}@example.com`, reason: 'email-changed', requestedBy: ws.owner.id }]);
  });

  it('disables an agent: its SIP account and bindings go; enabling it invites it again', async () => {
    const agent = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    await server.db.database.db.insertInto('subscriber').values({ username: agent.sipUser, domain: server.config.sipDomain, password: '', ha1: 'x', ha1b: 'y' }).execute();
    const disabled = await owner.patch(`/api/v1/agents/${agent.id}`, { version: 1, status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    expect(ports.bindings.dropped).toEqual([agent.sipUser]);
    expect(await server.db.database.db.selectFrom('subscriber').selectAll().where('username', '=', agent.sipUser).execute()).toEqual([]);
    const enabled = await owner.patch(`/api/v1/agents/${agent.id}`, { version: 2, status: 'active' });
    expect(enabled.json().status).toBe('pending');
    expect(ports.confirmations.requests.map((r) => r.reason)).toEqual(['re-enabled']);
  });

  it('deletes an agent with its memberships; the id is then unknown', async () => {
    const agent = await seedAgent(server, { role: 'admin', groupId: ws.groupId });
    expect((await owner.delete(`/api/v1/agents/${agent.id}`)).statusCode).toBe(204);
    expect(ports.bindings.dropped).toEqual([agent.sipUser]);
    expect((await owner.get(`/api/v1/agents/${agent.id}`)).json()).toEqual({ problem: 'not-found' });
    expect(await server.db.database.db.selectFrom('group_member').selectAll().where('agent_id', '=', agent.id).execute()).toEqual([]);
    expect((await owner.delete(`/api/v1/agents/${agent.id}`)).statusCode).toBe(404);
    expect((await owner.patch(`/api/v1/agents/${agent.id}`, { version: 1, fullName: 'Ghost' })).statusCode).toBe(404);
  });

  it('serves an agent’s picture as an image to any teammate, and lists only whether there is one', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const created = (await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId], { picture: png }))).json();
    const basic = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const res = await teamClient(server, basic.token).get(`/api/v1/agents/${created.id}/picture`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload).toEqual(Buffer.from('iVBORw0KGgo=', 'base64'));
    const listed = (await owner.get(`/api/v1/agents?search=new${n}@`)).json().agents[0];
    expect(listed).toMatchObject({ id: created.id, hasPicture: true });
    expect(listed).not.toHaveProperty('picture');
    expect((await owner.get(`/api/v1/agents/${ws.owner.id}/picture`)).statusCode).toBe(404);
  });
});
