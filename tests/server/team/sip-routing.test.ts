import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeConfirmedAgent } from '../../../server/services/team-routing';
import { DIALECTS } from '../support/databases';
import { recordingPorts, type RecordingPorts } from '../support/recording-ports';
import { seedGroup, seedWorkspace, type SeededWorkspace } from '../support/seed';
import { aliases, newAgentBody, teamClient, type TeamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * What Kamailio routes by (`dbaliases`): an extension rings its agent only
 * while the agent is active; a group number rings every active member.
 */
describe.each(DIALECTS)('the SIP server’s aliases follow the team (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let ports: RecordingPorts;
  let owner: TeamClient;
  beforeAll(async () => {
    ports = recordingPorts();
    server = await startTestServer(dialect, {}, ports);
    ws = await seedWorkspace(server);
    owner = teamClient(server, ws.owner.token);
  });
  afterAll(() => server.close());

  /** What the invitation slice will do when an agent confirms: credentials, active, routed. */
  async function confirm(agentId: string, sipUser: string): Promise<void> {
    await server.db.database.db.transaction().execute(async (trx) => {
      await trx.insertInto('subscriber').values({ username: sipUser, domain: server.config.sipDomain, password: '', ha1: 'h', ha1b: 'hb' }).execute();
      await trx.updateTable('agent').set({ status: 'active' }).where('id', '=', agentId).execute();
      await routeConfirmedAgent(trx, server.config.sipDomain, agentId);
    });
  }
  const version = async (id: string) => (await owner.get(`/api/v1/agents/${id}`)).json().version as number;

  it('routes an extension and group numbers to an agent only once it is active, and stops when it goes', async () => {
    const sales = (await owner.post('/api/v1/groups', { name: 'Sales', number: '600' })).json();
    const support = (await owner.post('/api/v1/groups', { name: 'Support', number: '601' })).json();
    const ana = (await owner.post('/api/v1/agents', newAgentBody(1, [sales.id], { extension: '101' }))).json();
    const ben = (await owner.post('/api/v1/agents', newAgentBody(2, [sales.id, support.id], { extension: '102' }))).json();
    expect(await aliases(server)).toEqual([]);

    await confirm(ana.id, ana.sipUser);
    expect(await aliases(server)).toEqual([`101→${ana.sipUser}`, `600→${ana.sipUser}`]);
    await confirm(ben.id, ben.sipUser);
    expect(await aliases(server)).toEqual([`101→${ana.sipUser}`, `102→${ben.sipUser}`, `600→${ana.sipUser}`, `600→${ben.sipUser}`, `601→${ben.sipUser}`].sort());

    // Group change: Ben leaves Sales; Support gets a new number.
    expect((await owner.patch(`/api/v1/agents/${ben.id}`, { version: await version(ben.id), groupIds: [support.id] })).statusCode).toBe(200);
    expect((await owner.patch(`/api/v1/groups/${support.id}`, { version: (await owner.get('/api/v1/groups')).json().groups.find((g: { id: string }) => g.id === support.id).version, number: '602' })).statusCode).toBe(200);
    expect(await aliases(server)).toEqual([`101→${ana.sipUser}`, `102→${ben.sipUser}`, `600→${ana.sipUser}`, `602→${ben.sipUser}`].sort());

    // New extension: the old one rings nobody.
    expect((await owner.patch(`/api/v1/agents/${ana.id}`, { version: await version(ana.id), extension: '111' })).statusCode).toBe(200);
    expect(await aliases(server)).toEqual([`102→${ben.sipUser}`, `111→${ana.sipUser}`, `600→${ana.sipUser}`, `602→${ben.sipUser}`].sort());

    // Disabled: gone from its extension and its groups, credentials removed, bindings dropped.
    expect((await owner.patch(`/api/v1/agents/${ben.id}`, { version: await version(ben.id), status: 'disabled' })).statusCode).toBe(200);
    expect(await aliases(server)).toEqual([`111→${ana.sipUser}`, `600→${ana.sipUser}`]);
    expect(ports.bindings.dropped).toEqual([ben.sipUser]);

    // Deleted: the same, and the row is gone.
    expect((await owner.delete(`/api/v1/agents/${ana.id}`)).statusCode).toBe(204);
    expect(await aliases(server)).toEqual([]);
    expect(await server.db.database.db.selectFrom('subscriber').select('username').execute()).toEqual([]);
    expect(ports.bindings.dropped).toEqual([ben.sipUser, ana.sipUser]);
  });

  it('rings every active member of a group, added either way, and not its pending ones', async () => {
    const group = await seedGroup(server, { name: 'Hunt', number: '650' });
    const people = [];
    for (const n of [11, 12, 13]) people.push((await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId]))).json());
    for (const p of people.slice(0, 2)) await confirm(p.id, p.sipUser);
    expect((await owner.patch(`/api/v1/groups/${group}`, { version: 1, memberIds: people.map((p) => p.id) })).statusCode).toBe(200);
    const hunt = (await aliases(server)).filter((a) => a.startsWith('650→'));
    expect(hunt).toEqual(people.slice(0, 2).map((p) => `650→${p.sipUser}`).sort());
    // Editing the pending one (new extension, new groups) still rings nothing for it.
    const pending = people[2];
    expect((await owner.patch(`/api/v1/agents/${pending.id}`, { version: await version(pending.id), extension: '659', groupIds: [group, ws.groupId] })).statusCode).toBe(200);
    expect((await aliases(server)).filter((a) => a.endsWith(pending.sipUser))).toEqual([]);
    // Deleting the group removes its number.
    expect((await owner.delete(`/api/v1/groups/${group}`)).statusCode).toBe(204);
    expect((await aliases(server)).filter((a) => a.startsWith('650→'))).toEqual([]);
  });
});
