import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema, type AuditEntry } from '../../../common/schemas/workspace/audit';
import { DIALECTS } from '../support/databases';
import { seedAgent, seedWorkspace, type SeededAgent, type SeededWorkspace } from '../support/seed';
import { newAgentBody, teamClient, type TeamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe.each(DIALECTS)('the audit trail (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let admin: SeededAgent;
  let adminClient: TeamClient;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
    admin = await seedAgent(server, { role: 'admin', groupId: ws.groupId, fullName: 'Ada Admin' });
    adminClient = teamClient(server, admin.token, '198.51.100.23');
  });
  afterAll(() => server.close());
  const trail = async (id: string, query = ''): Promise<AuditEntry[]> => {
    const res = await teamClient(server, ws.owner.token).get(`/api/v1/agents/${id}/audit${query}`);
    expect(res.statusCode).toBe(200);
    return auditPageSchema.parse(res.json()).entries;
  };

  it('records who added an agent, from where, and what it was — never the picture’s data', async () => {
    const created = (await adminClient.post('/api/v1/agents', newAgentBody(1, [ws.groupId], { picture: PNG }))).json();
    const [entry] = await trail(created.id);
    expect(entry).toMatchObject({ actor: { agentId: admin.id, fullName: 'Ada Admin' }, address: '198.51.100.23', targetKind: 'agent', targetId: created.id, field: 'created', oldValue: null, at: server.clock.now() });
    expect(entry!.newValue).toMatchObject({ email: created.email, role: 'basic', status: 'pending', picture: { redacted: true }, groupIds: [ws.groupId] });
    const stored = await server.db.database.db.selectFrom('audit').select(['old_value', 'new_value']).execute();
    expect(JSON.stringify(stored)).not.toContain('iVBORw0KGgo');
  });

  it('records each changed field with its old and new value, newest first, and nothing for unchanged ones', async () => {
    const agent = await seedAgent(server, { role: 'basic', groupId: ws.groupId, fullName: 'Old Name' });
    server.clock.advance(60_000);
    const res = await adminClient.patch(`/api/v1/agents/${agent.id}`, {
      version: 1,
      fullName: 'New Name',
      role: 'basic',
      picture: PNG,
      settings: { notifications: { incomingCall: true, missedCall: false, voicemail: true } },
    });
    expect(res.statusCode).toBe(200);
    server.clock.advance(60_000);
    await adminClient.patch(`/api/v1/agents/${agent.id}`, { version: 2, extension: '4444' });
    const entries = await trail(agent.id);
    // Newest first: the second save, then the first one's fields (written together, so last written first).
    expect(entries.map((e) => [e.field, e.oldValue, e.newValue])).toEqual([
      ['extension', agent.extension, '4444'],
      ['settings.notifications.missedCall', true, false],
      ['picture', null, { redacted: true }],
      ['fullName', 'Old Name', 'New Name'],
    ]);
    expect(entries[0]!.at).toBeGreaterThan(entries[1]!.at);
  });

  it('records membership changes made from a group on each agent, and a deletion with what was deleted', async () => {
    const agent = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const group = (await adminClient.post('/api/v1/groups', { name: 'Audited', memberIds: [agent.id] })).json();
    expect((await trail(agent.id))[0]).toMatchObject({ field: 'groupIds', oldValue: [ws.groupId], newValue: [ws.groupId, group.id].sort() });
    expect((await adminClient.delete(`/api/v1/agents/${agent.id}`)).statusCode).toBe(204);
    const [deleted] = await trail(agent.id);
    expect(deleted).toMatchObject({ field: 'deleted', newValue: null, actor: { agentId: admin.id } });
    expect(deleted!.oldValue).toMatchObject({ email: agent.email });
  });

  it('pages the trail and keeps the actor’s id when the actor is gone', async () => {
    const agent = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const temp = await seedAgent(server, { role: 'admin', groupId: ws.groupId, fullName: 'Temp Admin' });
    for (let i = 0; i < 5; i += 1) {
      server.clock.advance(1000);
      await teamClient(server, temp.token).patch(`/api/v1/agents/${agent.id}`, { version: i + 1, fullName: `Name ${i}` });
    }
    await teamClient(server, ws.owner.token).delete(`/api/v1/agents/${temp.id}`);
    const page = auditPageSchema.parse((await teamClient(server, ws.owner.token).get(`/api/v1/agents/${agent.id}/audit?limit=2&offset=1`)).json());
    expect(page.total).toBe(5);
    expect(page.entries.map((e) => e.newValue)).toEqual(['Name 3', 'Name 2']);
    expect(page.entries[0]!.actor).toEqual({ agentId: temp.id, fullName: null });
  });

  it('answers not-found for an id that was never an agent', async () => {
    const res = await teamClient(server, ws.owner.token).get('/api/v1/agents/00000000-0000-4000-8000-000000000999/audit');
    expect(res.statusCode).toBe(404);
  });
});
