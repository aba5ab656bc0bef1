import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../../common/schemas/workspace/auth';
import type { LiveServerMessage } from '../../../common/schemas/workspace/live';
import { freePort } from '../../support/kamailio/kamailio.mjs';
import { startWorkspaceProcess, type WorkspaceProcess } from '../../support/workspace/workspace-process.mjs';
import { workspaceForm } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { connectLive, type LiveClient } from '../support/live-client';

/** Short enough for a test, long enough that a busy 2-core machine never misses a refresh: stale after 2 + 3 × 0.5 s. */
const PRESENCE = { RINGDESK_PRESENCE_GRACE_SEC: '2', RINGDESK_PRESENCE_TICK_SEC: '0.5' };
const BEN_PASSWORD = 'correct horse battery';

/** A teammate's status announced with this presence. */
const statusOf = (agentId: string, presence: string) => (m: LiveServerMessage) =>
  m.type === 'event' && m.event.type === 'status-changed' && m.event.status.agentId === agentId && m.event.status.presence === presence;

/**
 * Issue 11 part 6: "tested with two server processes on one database". Two
 * real `npm run server` processes (server/main.ts, as a user starts them) on
 * one throwaway PostgreSQL database; apps' push connections to each; then
 * one process is SIGKILLed — no shutdown, its connection rows left open —
 * and the other keeps serving and turns the dead one's agents Offline once
 * their rows go stale. (SQLite is one process by design: PostgreSQL only.)
 */
describe('two workspace processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  let a: WorkspaceProcess;
  let b: WorkspaceProcess;
  const dirs: string[] = [];
  const sockets: LiveClient[] = [];
  let ana: { id: string; token: string };
  let ben: { id: string; token: string };

  const start = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-replica-'));
    dirs.push(dir);
    return startWorkspaceProcess({ port: await freePort('tcp'), env: { DATABASE_URL: db.location.databaseUrl!, RINGDESK_DATA_DIR: dir, SMTP_URL: '', ...PRESENCE } });
  };
  const call = async (server: WorkspaceProcess, method: string, url: string, token: string | null, body?: unknown) => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> };
  };
  const live = async (server: WorkspaceProcess, token: string) => {
    const client = await connectLive(`${server.url.replace('http://', 'ws://')}/api/v1/live`, token);
    sockets.push(client);
    expect(client.messages[0]?.type).toBe('ready');
    return client;
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    [a, b] = await Promise.all([start(), start()]);
    // Created on A, the way an admin does it from the app.
    const created = await call(a, 'POST', '/api/v1/workspace', null, workspaceForm({ email: 'ana@example.com', fullName: 'Ana Lopez' }));
    expect(created.status).toBe(201);
    const owner = sessionSchema.parse(created.json);
    ana = { id: owner.agent.id, token: owner.accessToken };
    // Ben is invited on A (no SMTP: the email, link included, goes to A's log) and accepts on B.
    const added = await call(a, 'POST', '/api/v1/agents', ana.token, { email: 'ben@example.com', fullName: 'Ben Brown', extension: '104', role: 'admin', groupIds: owner.agent.groupIds });
    expect(added.status).toBe(201);
    const token = await waitForInviteToken(a);
    expect((await call(b, 'POST', '/api/v1/invitations/accept', null, { token, password: BEN_PASSWORD })).status).toBe(200);
    const signedIn = await call(b, 'POST', '/api/v1/auth/sign-in', null, { email: 'ben@example.com', password: BEN_PASSWORD });
    expect(signedIn.status).toBe(200);
    ben = { id: String(added.json.id), token: sessionSchema.parse(signedIn.json).accessToken };
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an admin’s edit saved on A reaches the app on B; a presence change reported to B reaches the app on A; killing A leaves B serving and turns A’s agents Offline', async () => {
    const anaOnA = await live(a, ana.token);
    const benOnB = await live(b, ben.token);

    const current = await call(a, 'GET', `/api/v1/agents/${ben.id}`, ana.token);
    const edited = await call(a, 'PATCH', `/api/v1/agents/${ben.id}`, ana.token, { version: current.json.version, fullName: 'Ben Browning' });
    expect(edited.status).toBe(200);
    await expect(benOnB.next((m) => m.type === 'event' && m.event.type === 'agent-changed' && m.event.agentId === ben.id)).resolves.toMatchObject({ event: { version: edited.json.version } });

    expect((await call(b, 'PUT', '/api/v1/me/status', ben.token, { presence: 'away', onCall: false })).status).toBe(200);
    await anaOnA.next(statusOf(ben.id, 'away'));

    // Ana's app, on A, says she is available; B hears it.
    expect((await call(a, 'PUT', '/api/v1/me/status', ana.token, { presence: 'available', onCall: true })).status).toBe(200);
    await benOnB.next(statusOf(ana.id, 'available'));

    await a.crash();
    await anaOnA.closed;
    // B alone: still serving, and Ana — whose only app was on A — goes Offline once A's rows go stale.
    await expect(benOnB.next(statusOf(ana.id, 'offline'))).resolves.toMatchObject({ event: { status: { agentId: ana.id, presence: 'offline', onCall: false } } });
    const team = await call(b, 'GET', '/api/v1/team/status', ben.token);
    expect(team.status).toBe(200);
    const presence = Object.fromEntries((team.json.agents as Array<{ agentId: string; presence: string }>).map((s) => [s.agentId, s.presence]));
    // Ben's app is on B and still connected: he stays as he said.
    expect(presence).toEqual({ [ana.id]: 'offline', [ben.id]: 'away' });
    expect(benOnB.messages.filter(statusOf(ana.id, 'offline'))).toHaveLength(1);
  }, 60_000);
});

/** The invitation link A printed (its log mailer), as the invitee would follow it. */
async function waitForInviteToken(server: WorkspaceProcess): Promise<string> {
  for (;;) {
    const match = /\/invite\/([A-Za-z0-9_-]{20,})/.exec(server.output());
    if (match) return match[1]!;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
