import { afterAll, beforeAll, describe, it } from 'vitest';
import WebSocket from 'ws';
import type { Dialect } from '../server/db/open-database';
import { startPostgres, type PostgresHandle } from '../tests/support/postgres.mjs';
import { liveUrl } from '../tests/server/support/live-client';
import { seedAgent, seedWorkspace, type SeededWorkspace } from '../tests/server/support/seed';
import { teamClient } from '../tests/server/support/team-client';
import { startTestServer, type TestServer } from '../tests/server/support/test-server';
import { median, percentile } from './stats';

/**
 * 200 apps connected to the push channel (admins: they hear teammates'
 * status), one agent changes presence: how long until every app has the
 * event — from the PUT /api/v1/me/status request to the last app's socket
 * receiving it, over real loopback WebSockets — and how long each single
 * delivery takes. Then an admin edits one Basic agent 200 times: from the
 * PATCH to that agent's own app receiving `agent-changed` with the new
 * version (the 200 admins' apps hear each edit too). On SQLite (in-process
 * bus) and PostgreSQL (LISTEN/NOTIFY).
 * `npm run bench:live`. Prints median / p99; asserts nothing about time.
 */

const CLIENTS = 200;
const RUNS = 50;
const EDITS = 200;

let postgres: PostgresHandle;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

describe.each<Dialect>(['sqlite', 'postgres'])('push channel on %s', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  const sockets: WebSocket[] = [];
  /** Per socket: resolves the current run's wait when the status event arrives. */
  const arrivals: Array<(at: number) => void> = [];
  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { postgresUrl: postgres.url });
    ws = await seedWorkspace(server);
    const url = await liveUrl(server);
    for (let i = 0; i < CLIENTS; i += 1) {
      const admin = await seedAgent(server, { role: 'admin', groupId: ws.groupId });
      const socket = new WebSocket(url);
      await new Promise((resolve) => socket.once('open', resolve));
      const ready = new Promise((resolve) => socket.once('message', resolve));
      socket.send(JSON.stringify({ type: 'hello', token: admin.token }));
      await ready;
      const index = i;
      socket.on('message', () => arrivals[index]?.(performance.now()));
      sockets.push(socket);
    }
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  it(`one presence change reaches all ${CLIENTS} apps`, async () => {
    const agent = teamClient(server, ws.owner.token);
    const allUpdated: number[] = [];
    const each: number[] = [];
    for (let run = -1; run < RUNS; run += 1) {
      const waits = sockets.map((_, i) => new Promise<number>((resolve) => (arrivals[i] = resolve)));
      const start = performance.now();
      const res = await agent.request('PUT', '/api/v1/me/status', { presence: run % 2 === 0 ? 'away' : 'available', onCall: false });
      if (res.statusCode !== 200) throw new Error(`status report answered ${res.statusCode}`);
      const times = (await Promise.all(waits)).map((t) => t - start);
      if (run < 0) continue; // warm-up
      allUpdated.push(Math.max(...times));
      each.push(...times);
    }
    const f = (xs: number[]) => `${median(xs).toFixed(1)} / ${percentile(xs, 99).toFixed(1)} ms`;
    console.log(`\n${dialect} — ${CLIENTS} connected apps, ${RUNS} presence changes (median / p99)\n  all ${CLIENTS} updated: ${f(allUpdated)}\n  each delivery: ${f(each)}`);
  }, 120_000);

  it(`an admin's edit reaches the agent's app (${EDITS} edits)`, async () => {
    const bea = await seedAgent(server, { role: 'basic', groupId: ws.groupId, fullName: 'Bea Basic' });
    const socket = new WebSocket(await liveUrl(server));
    await new Promise((resolve) => socket.once('open', resolve));
    const ready = new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ type: 'hello', token: bea.token }));
    await ready;
    /** Resolves when Bea's app hears of the given version of her record. */
    let waiting: { version: number; resolve: (at: number) => void } | null = null;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; event?: { type: string; agentId: string; version: number } };
      if (message.event?.type === 'agent-changed' && message.event.agentId === bea.id && message.event.version === waiting?.version) waiting.resolve(performance.now());
    });
    const admin = teamClient(server, ws.owner.token);
    const times: number[] = [];
    let version = 1;
    try {
      for (let run = -1; run < EDITS; run += 1) {
        const heard = new Promise<number>((resolve) => (waiting = { version: version + 1, resolve }));
        const start = performance.now();
        const res = await admin.patch(`/api/v1/agents/${bea.id}`, { version, fullName: `Bea ${run + 1}` });
        if (res.statusCode !== 200) throw new Error(`edit answered ${res.statusCode}: ${res.body}`);
        version = (res.json() as { version: number }).version;
        const at = await heard;
        if (run >= 0) times.push(at - start);
      }
    } finally {
      socket.close();
    }
    console.log(`\n${dialect} — admin edits an agent, ${EDITS} edits, ${CLIENTS} admin apps connected too (median / p99)\n  agent's app has the event: ${median(times).toFixed(1)} / ${percentile(times, 99).toFixed(1)} ms`);
  }, 120_000);
});
