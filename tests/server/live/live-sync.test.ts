import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_CLOSE } from '../../../common/schemas/workspace/live';
import { ACCESS_TOKEN_TTL_MS } from '../../../server/services/access-tokens';
import { DIALECTS } from '../support/databases';
import { connectLive, eventsOf, liveUrl } from '../support/live-client';
import { seedAgent, seedWorkspace, type SeededAgent, type SeededWorkspace } from '../support/seed';
import { teamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('live sync over the push channel (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let bea: SeededAgent;
  let admin: ReturnType<typeof teamClient>;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
    bea = await seedAgent(server, { role: 'basic', groupId: ws.groupId, fullName: 'Bea Basic' });
    admin = teamClient(server, ws.owner.token);
  });
  afterAll(() => server.close());

  const versionOf = async (id: string) => ((await admin.get(`/api/v1/agents/${id}`)).json() as { version: number }).version;

  it("an admin's edit reaches the agent's app, with the new version", async () => {
    const live = await connectLive(server, bea.token);
    expect(live.messages[0]).toMatchObject({ type: 'ready', missed: [] });
    const res = await admin.patch(`/api/v1/agents/${bea.id}`, { version: await versionOf(bea.id), fullName: 'Bea Renamed' });
    expect(res.statusCode).toBe(200);
    const event = await live.next((m) => m.type === 'event');
    expect(event).toMatchObject({ type: 'event', event: { type: 'agent-changed', agentId: bea.id, version: res.json().version } });
    live.close();
  });

  it("the agent's own profile edit reaches an admin's app", async () => {
    const live = await connectLive(server, ws.owner.token);
    const res = await teamClient(server, bea.token).patch('/api/v1/me/profile', { version: await versionOf(bea.id), personalPhone: '+14155550123' });
    expect(res.statusCode).toBe(200);
    await expect(live.next((m) => m.type === 'event' && m.event.type === 'agent-changed')).resolves.toMatchObject({ event: { agentId: bea.id, version: res.json().version } });
    live.close();
  });

  it("a Basic agent hears about their own record, not about teammates' or groups", async () => {
    const other = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const live = await connectLive(server, bea.token);
    await admin.patch(`/api/v1/agents/${other.id}`, { version: await versionOf(other.id), fullName: 'Someone Else' });
    await admin.post('/api/v1/groups', { name: 'Night shift' });
    // Then a change of Bea's own: it is the first (and only) thing Bea's app hears.
    await admin.patch(`/api/v1/agents/${bea.id}`, { version: await versionOf(bea.id), fullName: 'Bea Again' });
    await live.next((m) => m.type === 'event');
    expect(eventsOf(live)).toEqual([{ type: 'agent-changed', agentId: bea.id, version: await versionOf(bea.id) }]);
    live.close();
  });

  it('an app that reconnects "since" its last event gets exactly what it missed, in order', async () => {
    const first = await connectLive(server, ws.owner.token);
    await admin.patch(`/api/v1/agents/${bea.id}`, { version: await versionOf(bea.id), fullName: 'Bea One' });
    await first.next((m) => m.type === 'event');
    const since = first.lastSeq();
    first.close();
    await first.closed;

    // While the app is away: an edit, a new group, a group rename.
    await admin.patch(`/api/v1/agents/${bea.id}`, { version: await versionOf(bea.id), fullName: 'Bea Two' });
    const group = (await admin.post('/api/v1/groups', { name: 'Weekend' })).json() as { id: string; version: number };
    const renamed = (await admin.patch(`/api/v1/groups/${group.id}`, { version: group.version, name: 'Weekends' })).json() as { version: number };

    const again = await connectLive(server, ws.owner.token, since);
    const ready = again.messages[0];
    expect(ready?.type).toBe('ready');
    expect(ready?.type === 'ready' && ready.missed.map((e) => e.event)).toEqual([
      { type: 'agent-changed', agentId: bea.id, version: await versionOf(bea.id) },
      { type: 'group-changed', groupId: group.id, version: 1 },
      { type: 'group-changed', groupId: group.id, version: renamed.version },
    ]);
    const seqs = ready?.type === 'ready' ? ready.missed.map((e) => e.seq) : [];
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(Math.min(...seqs)).toBeGreaterThan(since);
    again.close();
  });

  it('an app further ahead than this database (a new or restored one) is told to reload everything', async () => {
    const live = await connectLive(server, ws.owner.token, 10_000_000);
    expect(live.messages[0]).toMatchObject({ type: 'resync-required' });
    live.close();
  });

  it("a removed agent's connection is closed with the 'removed' code", async () => {
    const gone = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const live = await connectLive(server, gone.token);
    expect((await admin.delete(`/api/v1/agents/${gone.id}`)).statusCode).toBe(204);
    expect(await live.closed).toBe(LIVE_CLOSE.removed);
    // and it cannot come back with its old token
    const retry = await connectLive(server, gone.token);
    expect(await retry.closed).toBe(LIVE_CLOSE.removed);
  });

  it("a disabled agent's connection is closed with the 'disabled' code", async () => {
    const off = await seedAgent(server, { role: 'basic', groupId: ws.groupId });
    const live = await connectLive(server, off.token);
    expect((await admin.patch(`/api/v1/agents/${off.id}`, { version: 1, status: 'disabled' })).statusCode).toBe(200);
    expect(await live.closed).toBe(LIVE_CLOSE.disabled);
  });

  it('closes the connection with the token-expired code once the access token lapses', async () => {
    const live = await connectLive(server, bea.token);
    server.clock.advance(ACCESS_TOKEN_TTL_MS + 1);
    try {
      // The next event for anyone makes the hub look at the token (its periodic check would too).
      const fresh = teamClient(server, (await server.context.tokens.issue(ws.owner.id)).token);
      expect((await fresh.post('/api/v1/groups', { name: 'After expiry' })).statusCode).toBe(201);
      expect(await live.closed).toBe(LIVE_CLOSE.tokenExpired);
    } finally {
      server.clock.advance(-(ACCESS_TOKEN_TTL_MS + 1));
    }
  });

  it('refuses a connection whose first message is not a valid hello, or whose token is not ours', async () => {
    const url = await liveUrl(server);
    const garbage = await connectLive(url, '', undefined, 'not json');
    expect(await garbage.closed).toBe(LIVE_CLOSE.unauthorized);
    const forged = await connectLive(url, `${bea.token.slice(0, -2)}xx`);
    expect(await forged.closed).toBe(LIVE_CLOSE.unauthorized);
    const extra = await connectLive(url, '', undefined, JSON.stringify({ type: 'hello', token: bea.token, admin: true }));
    expect(await extra.closed).toBe(LIVE_CLOSE.unauthorized);
  });

  it('a group membership change tells admins about the group and every agent it moved', async () => {
    const live = await connectLive(server, ws.owner.token);
    const group = (await admin.post('/api/v1/groups', { name: 'Escalations', memberIds: [bea.id] })).json() as { id: string };
    await live.next((m) => m.type === 'event' && m.event.type === 'agent-changed' && m.event.agentId === bea.id);
    expect(eventsOf(live)).toEqual([
      { type: 'group-changed', groupId: group.id, version: 1 },
      { type: 'agent-changed', agentId: bea.id, version: await versionOf(bea.id) },
    ]);
    live.close();
  });
});
