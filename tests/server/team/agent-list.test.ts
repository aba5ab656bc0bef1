import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentListSchema } from '../../../common/schemas/workspace/agent';
import { DIALECTS } from '../support/databases';
import { seedTeam, seedWorkspace, type SeededTeam, type SeededWorkspace } from '../support/seed';
import { teamClient, type TeamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

const AGENTS = 2000;
const GROUPS = 100;

describe.each(DIALECTS)('the team list with %s and 2,000 agents', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let team: SeededTeam;
  let owner: TeamClient;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
    team = await seedTeam(server, { agents: AGENTS, groups: GROUPS });
    owner = teamClient(server, ws.owner.token);
  });
  afterAll(() => server.close());
  const list = async (query: string) => {
    const res = await owner.get(`/api/v1/agents?${query}`);
    expect(res.statusCode).toBe(200);
    return agentListSchema.parse(res.json());
  };

  it('pages through everyone in name order, each with their groups', async () => {
    const first = await list('limit=500');
    expect(first.total).toBe(AGENTS + 1);
    expect(first.agents).toHaveLength(500);
    const all = [...first.agents];
    for (let offset = 500; offset < first.total; offset += 500) all.push(...(await list(`limit=500&offset=${offset}`)).agents);
    expect(new Set(all.map((a) => a.id)).size).toBe(AGENTS + 1);
    const names = all.map((a) => a.fullName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const seventeen = all.find((a) => a.fullName === 'Teammate 17')!;
    expect(seventeen.groupIds).toEqual([team.groupIds[17 % GROUPS]]);
  });

  it('finds agents by part of the name, email or extension, in any letter case', async () => {
    expect((await list('search=TEAMMATE 1999')).agents.map((a) => a.email)).toEqual(['teammate1999@example.com']);
    expect((await list('search=teammate1234@')).agents.map((a) => a.fullName)).toEqual(['Teammate 1234']);
    expect((await list('search=11234')).agents.map((a) => a.extension)).toEqual(['11234']);
    // "Teammate 19" + "Teammate 190…199" + "Teammate 1900…1999": 1 + 10 + 100.
    expect((await list('search=Teammate 19')).total).toBe(111);
    expect((await list('search=nobody by this name')).total).toBe(0);
    // A typed % or _ is a character, not a wildcard.
    expect((await list('search=%25')).total).toBe(0);
    expect((await list('search=_')).total).toBe(0);
  });

  it('filters by role, status and group, alone and together with a search', async () => {
    expect((await list('role=admin')).total).toBe(Math.ceil(AGENTS / 7));
    expect((await list('role=owner')).agents.map((a) => a.id)).toEqual([ws.owner.id]);
    expect((await list('status=pending')).total).toBe(AGENTS / 5);
    const group = await list(`groupId=${team.groupIds[3]}&limit=500`);
    expect(group.total).toBe(AGENTS / GROUPS);
    expect(group.agents.every((a) => a.groupIds.includes(team.groupIds[3]!))).toBe(true);
    // Agents 3, 103, …, 1903 are in group 3; of those, multiples of 7 are admins: 203, 903, 1603.
    expect((await list(`groupId=${team.groupIds[3]}&role=admin`)).agents.map((a) => a.fullName).sort()).toEqual(['Teammate 1603', 'Teammate 203', 'Teammate 903']);
    expect((await list(`groupId=${team.groupIds[3]}&search=Teammate 19`)).agents.map((a) => a.fullName)).toEqual(['Teammate 1903']);
  });

  it('answers a full page of 500 in well under a second', async () => {
    await list('limit=500');
    const started = performance.now();
    await list('limit=500');
    await list('search=mate 1&limit=500');
    // A generous ceiling for a shared CI machine; bench/workspace.bench.ts has the real figures.
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
