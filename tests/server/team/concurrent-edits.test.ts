import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalForUniqueViolation } from '../../../server/services/team-writes';
import { DIALECTS } from '../support/databases';
import { seedAgent, seedGroup, seedWorkspace, type SeededAgent, type SeededWorkspace } from '../support/seed';
import { newAgentBody, rowCounts, teamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('two admins at once (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let ana: SeededAgent;
  let ben: SeededAgent;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
    ana = await seedAgent(server, { role: 'admin', groupId: ws.groupId, fullName: 'Ana Admin' });
    ben = await seedAgent(server, { role: 'admin', groupId: ws.groupId, fullName: 'Ben Admin' });
  });
  afterAll(() => server.close());

  it('tells the second editor who saved first, and keeps the first editor’s data', async () => {
    const target = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const seen = (await teamClient(server, ben.token).get(`/api/v1/agents/${target.id}`)).json().version;
    server.clock.advance(1000);
    const first = await teamClient(server, ana.token).patch(`/api/v1/agents/${target.id}`, { version: seen, fullName: 'Set By Ana' });
    expect(first.statusCode).toBe(200);
    const before = await rowCounts(server);
    const second = await teamClient(server, ben.token).patch(`/api/v1/agents/${target.id}`, { version: seen, fullName: 'Set By Ben', extension: '4321' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toEqual({ problem: 'version-conflict', changedBy: { agentId: ana.id, fullName: 'Ana Admin', at: server.clock.now() } });
    expect(await rowCounts(server)).toEqual(before);
    expect((await teamClient(server, ben.token).get(`/api/v1/agents/${target.id}`)).json()).toMatchObject({ fullName: 'Set By Ana', extension: target.extension, version: seen + 1 });
  });

  it('refuses the slower of two edits sent at the same moment, never merging them', async () => {
    const target = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const [a, b] = await Promise.all([
      teamClient(server, ana.token).patch(`/api/v1/agents/${target.id}`, { version: 1, fullName: 'Racer Ana' }),
      teamClient(server, ben.token).patch(`/api/v1/agents/${target.id}`, { version: 1, fullName: 'Racer Ben' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'Racer Ana' : 'Racer Ben';
    expect((await teamClient(server, ana.token).get(`/api/v1/agents/${target.id}`)).json()).toMatchObject({ fullName: winner, version: 2 });
  });

  it('gives one of two simultaneous adds with the same email a 201 and the other email-taken', async () => {
    const body = (n: number) => newAgentBody(n, [ws.groupId], { email: 'twice@example.com' });
    const results = await Promise.all([teamClient(server, ana.token).post('/api/v1/agents', body(71)), teamClient(server, ben.token).post('/api/v1/agents', body(72))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json()).toEqual({ problem: 'field-conflict', fields: { email: 'email-taken' } });
    const rows = await server.db.database.db.selectFrom('agent').select('id').where('email', '=', 'twice@example.com').execute();
    expect(rows).toHaveLength(1);
  });

  it('gives one of two simultaneous groups with the same number a 201 and the other number-taken', async () => {
    const results = await Promise.all([
      teamClient(server, ana.token).post('/api/v1/groups', { name: 'Race A', number: '777' }),
      teamClient(server, ben.token).post('/api/v1/groups', { name: 'Race B', number: '777' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json()).toEqual({ problem: 'field-conflict', fields: { number: 'group-number-taken' } });
  });

  it('never lets a new extension and a new group number become the same number at the same moment', async () => {
    const [agent, group] = await Promise.all([
      teamClient(server, ana.token).post('/api/v1/agents', newAgentBody(73, [ws.groupId], { extension: '888' })),
      teamClient(server, ben.token).post('/api/v1/groups', { name: 'Race C', number: '888' }),
    ]);
    // No constraint spans the two tables: only the team's write lock keeps this exact.
    expect([agent.statusCode, group.statusCode].sort()).toEqual([201, 409]);
    const loser = agent.statusCode === 409 ? agent.json() : group.json();
    expect(loser).toEqual({ problem: 'field-conflict', fields: agent.statusCode === 409 ? { extension: 'extension-taken' } : { number: 'group-number-taken' } });
  });

  it('maps this engine’s own unique-constraint errors to the same field errors (a writer that skipped the checks)', async () => {
    const db = server.db.database.db;
    const caught = async (write: Promise<unknown>) => write.then(() => null, (e: unknown) => refusalForUniqueViolation(e)?.body ?? 'unmapped');
    const row = { id: randomUUID(), email: ws.owner.email, full_name: 'Dup', extension: '9991', sip_user: 'adup1', personal_phone: null, role: 'basic' as const, status: 'pending' as const, password_hash: null, picture: null, settings: '{}', version: 1, created_at: 1, updated_at: 1, updated_by: null };
    expect(await caught(db.insertInto('agent').values(row).execute())).toEqual({ problem: 'field-conflict', fields: { email: 'email-taken' } });
    expect(await caught(db.insertInto('agent').values({ ...row, email: 'fresh@example.com', extension: ws.owner.extension }).execute())).toEqual({ problem: 'field-conflict', fields: { extension: 'extension-taken' } });
    await seedGroup(server, { name: 'Unique Name', number: '8181' });
    const group = { id: randomUUID(), name: 'Unique Name', number: null, version: 1, created_at: 1, updated_at: 1, updated_by: null };
    expect(await caught(db.insertInto('agent_group').values(group).execute())).toEqual({ problem: 'field-conflict', fields: { name: 'group-name-taken' } });
    expect(await caught(db.insertInto('agent_group').values({ ...group, name: 'Other Name', number: '8181' }).execute())).toEqual({ problem: 'field-conflict', fields: { number: 'group-number-taken' } });
    // Not ours to explain: left for the generic handler.
    expect(await caught(db.insertInto('server_secret').values([{ name: 'k', value: 'a' }, { name: 'k', value: 'b' }]).execute())).toBe('unmapped');
  });
});
