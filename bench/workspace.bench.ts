import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Dialect } from '../server/db/open-database';
import { startPostgres, type PostgresHandle } from '../tests/support/postgres.mjs';
import { seedTeam, seedWorkspace, type SeededTeam, type SeededWorkspace } from '../tests/server/support/seed';
import { newAgentBody, teamClient, type TeamClient } from '../tests/server/support/team-client';
import { startTestServer, type TestServer } from '../tests/server/support/test-server';
import { median, percentile } from './stats';

/**
 * The team workspace with 2,000 agents in 100 groups, on SQLite and on
 * PostgreSQL: how long the team list, its searches and filters, one agent,
 * an edit and an add take, through the real routes (Fastify inject: routing,
 * validation, guard, service, database, serialisation; no network).
 * Prints the median and p99 of each; asserts nothing about time.
 * `npm run bench:workspace`.
 *
 * PostgreSQL is a throwaway local cluster run with fsync off (as in the
 * tests), so write figures there are lower than on a durable server.
 */

const AGENTS = 2000;
const GROUPS = 100;
const RUNS = 200;
const WRITES = 50;

let postgres: PostgresHandle;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

describe.each<Dialect>(['sqlite', 'postgres'])('workspace on %s', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let team: SeededTeam;
  let owner: TeamClient;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { postgresUrl: postgres.url });
    ws = await seedWorkspace(server);
    const started = performance.now();
    team = await seedTeam(server, { agents: AGENTS, groups: GROUPS });
    lines.push(`seed ${AGENTS} agents / ${GROUPS} groups: ${(performance.now() - started).toFixed(0)} ms`);
    owner = teamClient(server, ws.owner.token);
  }, 120_000);
  afterAll(async () => {
    console.log(`\n${dialect} — ${AGENTS} agents, ${GROUPS} groups (median / p99 over ${RUNS} reads, ${WRITES} writes)\n  ${lines.join('\n  ')}`);
    await server?.close();
  });

  async function measure(name: string, runs: number, request: (i: number) => Promise<{ statusCode: number }>): Promise<void> {
    const expected = (await request(-1)).statusCode; // warm-up, and the status every run must repeat
    if (expected >= 400) throw new Error(`${name}: warm-up answered ${expected}`);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      const res = await request(i);
      times.push(performance.now() - start);
      if (res.statusCode !== expected) throw new Error(`${name}: run ${i} answered ${res.statusCode}`);
    }
    lines.push(`${name.padEnd(38)} median ${median(times).toFixed(2).padStart(7)} ms   p99 ${percentile(times, 99).toFixed(2).padStart(7)} ms`);
  }

  it('lists and searches', async () => {
    await measure('list, first page (100)', RUNS, () => owner.get('/api/v1/agents?limit=100'));
    await measure('list, page of 500', RUNS, () => owner.get('/api/v1/agents?limit=500&offset=1000'));
    await measure('search by name ("mate 19", 111 hits)', RUNS, () => owner.get('/api/v1/agents?search=mate%2019'));
    await measure('search by email (1 hit)', RUNS, (i) => owner.get(`/api/v1/agents?search=teammate${(i + 2000) % AGENTS}%40`));
    await measure('search, no hit', RUNS, () => owner.get('/api/v1/agents?search=zzz'));
    await measure('filter by group + role', RUNS, (i) => owner.get(`/api/v1/agents?groupId=${team.groupIds[(i + GROUPS) % GROUPS]}&role=basic`));
    await measure('one agent', RUNS, (i) => owner.get(`/api/v1/agents/${team.agentIds[(i + AGENTS) % AGENTS]}`));
    await measure('all groups with members', RUNS, () => owner.get('/api/v1/groups'));
  });

  it('edits and adds', async () => {
    const versions = new Map<string, number>();
    await measure('edit an agent (name)', WRITES, async (i) => {
      const id = team.agentIds[(i + 1 + AGENTS) % AGENTS]!;
      const version = versions.get(id) ?? 1;
      versions.set(id, version + 1);
      return owner.patch(`/api/v1/agents/${id}`, { version, fullName: `Edited ${i}` });
    });
    await measure('add an agent', WRITES, (i) => owner.post('/api/v1/agents', newAgentBody(i + 1, [team.groupIds[0]!], { extension: String(60000 + i + 1) })));
  });
});
