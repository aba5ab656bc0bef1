import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { teamStatusSchema, type LiveServerMessage } from '../../../common/schemas/workspace/live';
import { PRESENCE_GRACE_MS } from '../../../server/services/live/connection-presence';
import { DIALECTS } from '../support/databases';
import { connectLive, eventsOf, liveUrl, type LiveClient } from '../support/live-client';
import { seedAgent, seedWorkspace, type SeededAgent, type SeededWorkspace } from '../support/seed';
import { teamClient } from '../support/team-client';
import { startReplica, startTestServer, type TestServer } from '../support/test-server';

type Replica = Pick<TestServer, 'app' | 'context'>;

/** The app's connection is closed and the service (whichever replica held it) has recorded it. */
async function leave(client: LiveClient, server: TestServer, agentId: string): Promise<void> {
  client.close();
  await client.closed;
  await vi.waitFor(async () => {
    const open = await server.db.database.db.selectFrom('live_connection').select('id').where('agent_id', '=', agentId).where('closed_at', 'is', null).execute();
    expect(open).toHaveLength(0);
  });
}

const isStatusOf = (agentId: string) => (m: LiveServerMessage) => m.type === 'event' && m.event.type === 'status-changed' && m.event.status.agentId === agentId;
const isOfflineOf = (agentId: string) => (m: LiveServerMessage) => isStatusOf(agentId)(m) && m.type === 'event' && m.event.type === 'status-changed' && m.event.status.presence === 'offline';
const statusEventsOf = (client: LiveClient, agentId: string) => eventsOf(client).filter((e) => e.type === 'status-changed' && e.status.agentId === agentId);

describe.each(DIALECTS)('presence when an app goes away (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
  });
  afterAll(() => server.close());

  const statusOf = async (agentId: string) => teamStatusSchema.parse((await teamClient(server, (await server.context.tokens.issue(ws.owner.id)).token).get('/api/v1/team/status')).json()).agents.find((a) => a.agentId === agentId);
  const report = async (agent: SeededAgent, presence: 'available' | 'dnd', onCall: boolean) => expect((await teamClient(server, agent.token).request('PUT', '/api/v1/me/status', { presence, onCall })).statusCode).toBe(200);
  /** A change after everything before it: once the admin's app has it, anything said before has arrived too. */
  const marker = async (admin: LiveClient, name: string) => {
    await teamClient(server, (await server.context.tokens.issue(ws.owner.id)).token).post('/api/v1/groups', { name });
    await admin.next((m) => m.type === 'event' && m.event.type === 'group-changed');
  };

  it('an app gone for longer than the grace turns its agent Offline and not on a call, announced once', async () => {
    const bea = await seedAgent(server, { role: 'basic', groupId: ws.groupId, fullName: 'Bea Gone' });
    const beaApp = await connectLive(server, bea.token);
    await report(bea, 'dnd', true);
    const admin = await connectLive(server, (await server.context.tokens.issue(ws.owner.id)).token);
    await leave(beaApp, server, bea.id);

    server.clock.advance(PRESENCE_GRACE_MS - 1_000);
    await server.context.connections.tick();
    expect(await statusOf(bea.id)).toMatchObject({ presence: 'dnd', onCall: true });

    server.clock.advance(2_000);
    await server.context.connections.tick();
    await expect(admin.next(isStatusOf(bea.id))).resolves.toMatchObject({ event: { status: { agentId: bea.id, presence: 'offline', onCall: false, registered: false } } });
    expect(await statusOf(bea.id)).toEqual({ agentId: bea.id, registered: false, presence: 'offline', onCall: false });

    server.clock.advance(PRESENCE_GRACE_MS);
    await server.context.connections.tick();
    await marker(admin, 'After Bea left');
    expect(statusEventsOf(admin, bea.id)).toHaveLength(1);
    admin.close();
  });

  it('an app that comes back within the grace changes nothing', async () => {
    const cy = await seedAgent(server, { role: 'basic', groupId: ws.groupId, fullName: 'Cy Back' });
    const admin = await connectLive(server, (await server.context.tokens.issue(ws.owner.id)).token);
    const first = await connectLive(server, cy.token);
    await report(cy, 'available', false);
    await admin.next(isStatusOf(cy.id));
    await leave(first, server, cy.id);

    server.clock.advance(PRESENCE_GRACE_MS / 2);
    const again = await connectLive(server, cy.token);
    server.clock.advance(PRESENCE_GRACE_MS);
    await server.context.connections.tick();
    server.clock.advance(PRESENCE_GRACE_MS);
    await server.context.connections.tick();
    await marker(admin, 'Cy stayed');
    expect(await statusOf(cy.id)).toMatchObject({ presence: 'available', onCall: false });
    expect(statusEventsOf(admin, cy.id)).toHaveLength(1); // only the report itself

    // Gone for good this time: Offline after the grace.
    await leave(again, server, cy.id);
    server.clock.advance(PRESENCE_GRACE_MS + 1);
    await server.context.connections.tick();
    await expect(admin.next(isOfflineOf(cy.id))).resolves.toMatchObject({ event: { status: { agentId: cy.id, presence: 'offline' } } });
    admin.close();
  });

  it('two apps of one agent: closing one of them is not going away', async () => {
    const di = await seedAgent(server, { role: 'basic', groupId: ws.groupId, fullName: 'Di Two Apps' });
    const laptop = await connectLive(server, di.token);
    const desktop = await connectLive(server, di.token);
    await report(di, 'available', false);
    laptop.close();
    await laptop.closed;
    await vi.waitFor(async () => expect(await server.db.database.db.selectFrom('live_connection').select('id').where('agent_id', '=', di.id).where('closed_at', 'is not', null).execute()).toHaveLength(1));
    server.clock.advance(PRESENCE_GRACE_MS * 2);
    await server.context.connections.tick();
    expect(await statusOf(di.id)).toMatchObject({ presence: 'available' });
    desktop.close();
  });
});

// Replicas share PostgreSQL (SQLite is one process by design).
describe('presence when an app goes away, two replicas on one PostgreSQL database', () => {
  let a: TestServer;
  let b: Replica & { close(): Promise<void> };
  let ws: SeededWorkspace;
  beforeAll(async () => {
    a = await startTestServer('postgres');
    b = await startReplica(a);
    await b.context.bus.ready();
    ws = await seedWorkspace(a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const ownerToken = async () => (await a.context.tokens.issue(ws.owner.id)).token;
  const tickBoth = () => Promise.all([a.context.connections.tick(), b.context.connections.tick()]);

  it('an app that left replica A and came back on replica B within the grace stays as it was; gone from B, it turns Offline once', async () => {
    const bea = await seedAgent(a, { role: 'basic', groupId: ws.groupId, fullName: 'Bea Moves' });
    const onA = await connectLive(a, await ownerToken());
    const onB = await connectLive(await liveUrl(b), await ownerToken());
    const beaOnA = await connectLive(a, bea.token);
    expect((await teamClient(a, bea.token).request('PUT', '/api/v1/me/status', { presence: 'available', onCall: true })).statusCode).toBe(200);
    await onB.next(isStatusOf(bea.id));
    await leave(beaOnA, a, bea.id);

    a.clock.advance(PRESENCE_GRACE_MS / 3);
    const beaOnB = await connectLive(await liveUrl(b), (await a.context.tokens.issue(bea.id)).token);
    a.clock.advance(PRESENCE_GRACE_MS); // A's close is past the grace; B holds a fresh connection
    await tickBoth();
    await a.context.connections.tick(); // A alone, after B's heartbeat too
    const statusNow = async () => (await teamClient(a, await ownerToken()).get('/api/v1/team/status')).json().agents.find((x: { agentId: string }) => x.agentId === bea.id);
    expect(await statusNow()).toMatchObject({ presence: 'available', onCall: true });

    await leave(beaOnB, a, bea.id);
    a.clock.advance(PRESENCE_GRACE_MS + 1);
    await tickBoth();
    await tickBoth();
    await expect(onA.next(isOfflineOf(bea.id))).resolves.toMatchObject({ event: { status: { agentId: bea.id, presence: 'offline', onCall: false } } });
    // A later change seen on both: the Offline was said exactly once, to the apps of both replicas.
    await teamClient(a, await ownerToken()).post('/api/v1/groups', { name: 'After the move' });
    await Promise.all([onA, onB].map((c) => c.next((m) => m.type === 'event' && m.event.type === 'group-changed')));
    for (const c of [onA, onB]) expect(statusEventsOf(c, bea.id).map((e) => e.type === 'status-changed' && e.status.presence)).toEqual(['available', 'offline']);
    expect(await statusNow()).toMatchObject({ presence: 'offline', onCall: false });
    onA.close();
    onB.close();
  });
});
