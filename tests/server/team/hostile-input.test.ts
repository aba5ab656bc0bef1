import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAgentSettings } from '../../../common/schemas/workspace/agent';
import { DIALECTS } from '../support/databases';
import { seedAgent, seedWorkspace, type SeededAgent, type SeededWorkspace } from '../support/seed';
import { newAgentBody, rowCounts, teamClient, type TeamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

const INJECTIONS = [`' OR 1=1 --`, `"; drop table agent; --`, `x'); delete from agent_group; --`, `%' union select * from subscriber --`];

describe.each(DIALECTS)('hostile and broken requests to the team routes (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let basic: SeededAgent;
  let owner: TeamClient;
  let someAgent: string;
  let someGroup: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
    basic = await seedAgent(server, { role: 'basic', groupId: ws.groupId, fullName: 'Basil Basic' });
    owner = teamClient(server, ws.owner.token);
    someAgent = basic.id;
    someGroup = ws.groupId;
  });
  afterAll(() => server.close());

  /** Every admin route, each with a body that would be valid for an admin. */
  const adminRoutes = () =>
    [
      ['GET', '/api/v1/agents'],
      ['GET', `/api/v1/agents/${someAgent}`],
      ['POST', '/api/v1/agents', newAgentBody(99, [someGroup])],
      ['PATCH', `/api/v1/agents/${someAgent}`, { version: 1, role: 'admin' }],
      ['DELETE', `/api/v1/agents/${someAgent}`],
      ['GET', `/api/v1/agents/${someAgent}/audit`],
      ['GET', '/api/v1/groups'],
      ['POST', '/api/v1/groups', { name: 'Basic’s own group' }],
      ['PATCH', `/api/v1/groups/${someGroup}`, { version: 1, name: 'Renamed by Basic' }],
      ['DELETE', `/api/v1/groups/${someGroup}`],
    ] as const;

  it('gives a Basic agent 403 on every admin route, and nothing changes', async () => {
    const client = teamClient(server, basic.token);
    const before = await rowCounts(server);
    for (const [method, url, body] of adminRoutes()) {
      const res = await client.request(method, url, body);
      expect({ method, url, status: res.statusCode, body: res.json() }).toEqual({ method, url, status: 403, body: { problem: 'forbidden' } });
    }
    expect(await rowCounts(server)).toEqual(before);
    expect((await owner.get(`/api/v1/agents/${basic.id}`)).json()).toMatchObject({ role: 'basic', version: 1 });
  });

  it('gives a caller with no or a forged token 401 on every team route', async () => {
    const before = await rowCounts(server);
    for (const token of [undefined, 'v1.e30.forged']) {
      for (const [method, url, body] of [...adminRoutes(), ['PATCH', '/api/v1/me/profile', { version: 1, fullName: 'X' }] as const]) {
        expect((await teamClient(server, token).request(method, url, body)).statusCode).toBe(401);
      }
    }
    expect(await rowCounts(server)).toEqual(before);
  });

  it('refuses malformed ids in every path with 400, touching nothing', async () => {
    const before = await rowCounts(server);
    for (const bad of ['not-a-uuid', encodeURIComponent(INJECTIONS[0]!), '..%2F..%2Fetc', 'A'.repeat(36), '00000000-0000-4000-8000-00000000000G']) {
      for (const [method, url, body] of [
        ['GET', `/api/v1/agents/${bad}`],
        ['PATCH', `/api/v1/agents/${bad}`, { version: 1, fullName: 'X' }],
        ['DELETE', `/api/v1/agents/${bad}`],
        ['GET', `/api/v1/agents/${bad}/audit`],
        ['GET', `/api/v1/agents/${bad}/picture`],
        ['PATCH', `/api/v1/groups/${bad}`, { version: 1, name: 'X' }],
        ['DELETE', `/api/v1/groups/${bad}`],
      ] as const) {
        const res = await owner.request(method, url, body);
        expect({ url, method, status: res.statusCode }).toEqual({ url, method, status: 400 });
        expect(res.json().problem).toBe('invalid-request');
      }
    }
    expect(await rowCounts(server)).toEqual(before);
  });

  it('keeps SQL-looking text as plain text: refused where it is no valid value, stored verbatim where it is a name', async () => {
    for (const text of INJECTIONS) {
      const before = await rowCounts(server);
      for (const body of [
        newAgentBody(1, [someGroup], { email: text }),
        newAgentBody(2, [someGroup], { extension: text }),
        newAgentBody(3, [someGroup], { role: text }),
        newAgentBody(4, [text]),
        newAgentBody(5, [someGroup], { personalPhone: text }),
      ]) {
        const res = await owner.post('/api/v1/agents', body);
        expect(res.statusCode).toBe(400);
      }
      expect((await owner.post('/api/v1/groups', { name: 'G', number: text })).statusCode).toBe(400);
      expect((await owner.post('/api/v1/groups', { name: 'G', memberIds: [text] })).statusCode).toBe(400);
      expect((await owner.get(`/api/v1/agents?role=${encodeURIComponent(text)}`)).statusCode).toBe(400);
      expect((await owner.get(`/api/v1/agents?groupId=${encodeURIComponent(text)}`)).statusCode).toBe(400);
      const search = await owner.get(`/api/v1/agents?search=${encodeURIComponent(text)}`);
      expect(search.statusCode).toBe(200);
      expect(search.json()).toEqual({ agents: [], total: 0 });
      expect(await rowCounts(server)).toEqual(before);
    }
    const named = await owner.post('/api/v1/agents', newAgentBody(6, [someGroup], { fullName: INJECTIONS[1] }));
    expect(named.statusCode).toBe(201);
    expect((await owner.get(`/api/v1/agents/${named.json().id}`)).json().fullName).toBe(INJECTIONS[1]);
    const group = await owner.post('/api/v1/groups', { name: INJECTIONS[0] });
    expect(group.json().name).toBe(INJECTIONS[0]);
    expect((await owner.get(`/api/v1/agents?search=${encodeURIComponent(`drop table`)}`)).json().total).toBe(1);
    expect((await owner.get('/api/v1/agents')).json().total).toBe((await rowCounts(server)).agent);
  });

  it('refuses oversized fields and bodies with a code, touching nothing', async () => {
    const before = await rowCounts(server);
    const expectFields = async (res: Promise<{ statusCode: number; json(): unknown }>, fields: Record<string, string>) => {
      const r = await res;
      expect(r.statusCode).toBe(400);
      expect(r.json()).toEqual({ problem: 'invalid-request', fields });
    };
    await expectFields(owner.post('/api/v1/agents', newAgentBody(7, [someGroup], { fullName: 'x'.repeat(81) })), { fullName: 'too-long' });
    await expectFields(owner.post('/api/v1/agents', newAgentBody(7, [someGroup], { email: `${'a'.repeat(250)}@example.com` })), { email: 'too-long' });
    await expectFields(owner.post('/api/v1/agents', newAgentBody(7, [someGroup], { picture: `data:image/png;base64,${'A'.repeat(200_000)}` })), { picture: 'picture-too-large' });
    await expectFields(owner.post('/api/v1/groups', { name: 'g'.repeat(61) }), { name: 'too-long' });
    await expectFields(owner.post('/api/v1/agents', newAgentBody(7, Array.from({ length: 51 }, () => someGroup))), { groupIds: 'too-long' });
    expect((await owner.get(`/api/v1/agents?search=${'s'.repeat(101)}`)).statusCode).toBe(400);
    expect((await owner.get('/api/v1/agents?limit=501')).statusCode).toBe(400);
    expect((await owner.get(`/api/v1/agents/${someAgent}/audit?limit=100000`)).statusCode).toBe(400);
    const huge = await owner.post('/api/v1/agents', newAgentBody(7, [someGroup], { fullName: 'x'.repeat(600_000) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({ problem: 'payload-too-large' });
    expect(await rowCounts(server)).toEqual(before);
  });

  it('refuses wrong types, unknown fields and broken JSON, naming the field', async () => {
    const before = await rowCounts(server);
    const cases: Array<[string, string, unknown, Record<string, string> | undefined]> = [
      ['POST', '/api/v1/agents', newAgentBody(8, [someGroup], { extension: 101 }), { extension: 'invalid' }],
      ['POST', '/api/v1/agents', newAgentBody(8, someGroup as unknown as string[]), { groupIds: 'invalid' }],
      ['POST', '/api/v1/agents', newAgentBody(8, [someGroup], { isOwner: true }), { isOwner: 'unknown-field' }],
      ['POST', '/api/v1/agents', newAgentBody(8, [someGroup], { settings: { ...defaultAgentSettings('UTC'), preferences: { extendedDashboard: false, darkMode: true } } }), { 'settings.preferences.darkMode': 'unknown-field' }],
      ['POST', '/api/v1/agents', newAgentBody(8, [someGroup], { settings: { ...defaultAgentSettings('Mars/Olympus') } }), { 'settings.officeHours.timeZone': 'time-zone-invalid' }],
      ['PATCH', `/api/v1/agents/${someAgent}`, { version: '1', fullName: 'Y' }, { version: 'invalid' }],
      ['PATCH', `/api/v1/agents/${someAgent}`, { fullName: 'No Version' }, { version: 'invalid' }],
      ['PATCH', `/api/v1/agents/${someAgent}`, { version: 1, password_hash: 'x' }, { password_hash: 'unknown-field' }],
      ['PATCH', `/api/v1/agents/${someAgent}`, { version: 1, status: 'pending' }, { status: 'invalid' }],
      ['PATCH', `/api/v1/groups/${someGroup}`, { version: 1, memberIds: 'everyone' }, { memberIds: 'invalid' }],
      ['PATCH', '/api/v1/me/profile', { version: 1, role: 'admin' }, { role: 'unknown-field' }],
      ['PATCH', '/api/v1/me/profile', { version: 1, email: 'me@example.com' }, { email: 'unknown-field' }],
      ['PATCH', '/api/v1/me/profile', { version: 1, settings: { callSettings: defaultAgentSettings('UTC').callSettings } }, { 'settings.callSettings': 'unknown-field' }],
      ['GET', '/api/v1/agents?sort=name', undefined, { sort: 'unknown-field' }],
      ['GET', '/api/v1/agents?limit=ten', undefined, { limit: 'invalid' }],
      ['POST', '/api/v1/agents', '{"email":', undefined],
      ['POST', '/api/v1/agents', '[]', { _: 'invalid' }],
    ];
    for (const [method, url, body, fields] of cases) {
      const res = await owner.request(method as 'GET', url, body);
      expect({ url, body, status: res.statusCode }).toEqual({ url, body, status: 400 });
      if (fields) expect({ url, body, json: res.json() }).toEqual({ url, body, json: { problem: 'invalid-request', fields } });
      expect(res.body).not.toMatch(/at .*\.ts:\d+|Error:/);
    }
    expect(await rowCounts(server)).toEqual(before);
  });
});
