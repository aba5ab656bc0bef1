import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, eventsOf, liveUrl } from '../support/live-client';
import { seedAgent, seedWorkspace, type SeededAgent, type SeededWorkspace } from '../support/seed';
import { teamClient } from '../support/team-client';
import { startReplica, startTestServer, type TestServer } from '../support/test-server';

// Fan-out across replicas is PostgreSQL's LISTEN/NOTIFY: SQLite is one process by design.
describe('two replicas on one PostgreSQL database', () => {
  let a: TestServer;
  let b: Awaited<ReturnType<typeof startReplica>>;
  let ws: SeededWorkspace;
  let bea: SeededAgent;
  beforeAll(async () => {
    a = await startTestServer('postgres');
    b = await startReplica(a);
    await b.context.bus.ready();
    ws = await seedWorkspace(a);
    bea = await seedAgent(a, { role: 'basic', groupId: ws.groupId, fullName: 'Bea Basic' });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('an admin edit saved on replica A reaches the agent connected to replica B', async () => {
    const onB = await connectLive(await liveUrl(b), bea.token);
    const res = await teamClient(a, ws.owner.token).patch(`/api/v1/agents/${bea.id}`, { version: 1, fullName: 'Bea From A' });
    await expect(onB.next((m) => m.type === 'event')).resolves.toMatchObject({ event: { type: 'agent-changed', agentId: bea.id, version: res.json().version } });
    onB.close();
  });

  it('a presence change reported to B reaches an admin on A', async () => {
    const onA = await connectLive(a, ws.owner.token);
    const res = await b.app.inject({ method: 'PUT', url: '/api/v1/me/status', headers: { authorization: `Bearer ${bea.token}` }, payload: { presence: 'away', onCall: false } });
    expect(res.statusCode).toBe(200);
    await expect(onA.next((m) => m.type === 'event')).resolves.toMatchObject({ event: { type: 'status-changed', status: { agentId: bea.id, presence: 'away', onCall: false, registered: false } } });
    onA.close();
  });

  it('an app that reconnects to the other replica "since" its last event misses nothing', async () => {
    const onA = await connectLive(a, ws.owner.token);
    await teamClient(a, ws.owner.token).post('/api/v1/groups', { name: 'Seen on A' });
    await onA.next((m) => m.type === 'event');
    const since = onA.lastSeq();
    onA.close();
    const missed = (await teamClient(a, ws.owner.token).post('/api/v1/groups', { name: 'Missed' })).json() as { id: string };
    const onB = await connectLive(await liveUrl(b), ws.owner.token, since);
    expect(eventsOf(onB)).toEqual([{ type: 'group-changed', groupId: missed.id, version: 1 }]);
    onB.close();
  });

  it('a registration change both replicas see is announced once, registering and un-registering', async () => {
    const onA = await connectLive(a, ws.owner.token);
    const onB = await connectLive(await liveUrl(b), ws.owner.token);
    const registrations = (c: typeof onA) => eventsOf(c).flatMap((e) => (e.type === 'status-changed' && e.status.agentId === bea.id ? [e.status.registered] : []));
    /** Both replicas read `location` after the change (at once, racing), then each once more. */
    const bothPoll = async () => {
      await Promise.all([a.context.registrations.tick(), b.context.registrations.tick()]);
      await Promise.all([b.context.registrations.tick(), a.context.registrations.tick()]);
    };
    /** A later event both apps receive: whatever was announced before it has arrived. */
    let markers = 0;
    const marker = async () => {
      const group = (await teamClient(a, ws.owner.token).post('/api/v1/groups', { name: `Marker ${(markers += 1)}` })).json() as { id: string };
      await Promise.all([onA, onB].map((c) => c.next((m) => m.type === 'event' && m.event.type === 'group-changed' && m.event.groupId === group.id)));
    };

    await a.db.database.registrations.insertInto('location').values({ ruid: 'r-1', username: bea.sipUser, domain: null, contact: 'sip:bea@192.0.2.1:5060' }).execute();
    await bothPoll();
    await marker();
    expect(registrations(onA)).toEqual([true]);
    expect(registrations(onB)).toEqual([true]);

    await a.db.database.registrations.deleteFrom('location').where('ruid', '=', 'r-1').execute();
    await bothPoll();
    await marker();
    expect(registrations(onA)).toEqual([true, false]);
    expect(registrations(onB)).toEqual([true, false]);
    onA.close();
    onB.close();
  });
});
