import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamStatusSchema } from '../../../common/schemas/workspace/live';
import { digestHashes, provisionSubscriber } from '../../../server/services/sip-provisioning';
import type { KamailioHandle } from '../../support/kamailio/kamailio.mjs';
import { openPhone, type Phone } from '../../support/kamailio/sip-phone.mjs';
import { DIALECTS } from '../support/databases';
import { showKamailioLogOnFailure, startWorkspaceKamailio } from '../support/kamailio';
import { connectLive } from '../support/live-client';
import { seedAgent, seedWorkspace, type SeededAgent, type SeededWorkspace } from '../support/seed';
import { teamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)("teammates' status (%s)", (dialect) => {
  let server: TestServer;
  let kamailio: KamailioHandle;
  let ws: SeededWorkspace;
  let bea: SeededAgent;
  const phones: Phone[] = [];
  beforeAll(async () => {
    server = await startTestServer(dialect, { RINGDESK_SIP_DOMAIN: 'acme.test' });
    ws = await seedWorkspace(server);
    bea = await seedAgent(server, { role: 'basic', groupId: ws.groupId, fullName: 'Bea Basic' });
    await provisionSubscriber(server.db.database.db, bea.sipUser, 'acme.test', digestHashes(bea.sipUser, 'acme.test', 'bea-password'));
    kamailio = await startWorkspaceKamailio(server.db, 'acme.test');
  });
  afterAll(async () => {
    for (const p of phones) p.close();
    await kamailio?.stop();
    await server?.close();
  });

  const statusOf = async (agentId: string) => teamStatusSchema.parse((await teamClient(server, ws.owner.token).get('/api/v1/team/status')).json()).agents.find((a) => a.agentId === agentId);

  it('a SIP phone registering shows as registered in the team status, and admins are told at once', async () => {
    showKamailioLogOnFailure(kamailio);
    expect(await statusOf(bea.id)).toEqual({ agentId: bea.id, registered: false, presence: 'offline', onCall: false });
    const live = await connectLive(server, ws.owner.token);
    const phone = await openPhone({ kamailio, user: bea.sipUser, password: 'bea-password' });
    phones.push(phone);
    expect((await phone.register()).status).toBe(200);
    await expect(live.next((m) => m.type === 'event' && m.event.type === 'status-changed')).resolves.toMatchObject({ event: { status: { agentId: bea.id, registered: true } } });
    expect(await statusOf(bea.id)).toMatchObject({ registered: true });

    // Un-registering: Kamailio deletes the row (write-through), admins hear it.
    expect((await phone.register({ expires: 0 })).status).toBe(200);
    await expect(live.next((m) => m.type === 'event' && m.event.type === 'status-changed' && !m.event.status.registered)).resolves.toMatchObject({ event: { status: { agentId: bea.id } } });
    expect(await statusOf(bea.id)).toMatchObject({ registered: false });
    live.close();
  });

  it("an app's presence and call state are stored and pushed; the same report again says nothing", async () => {
    const live = await connectLive(server, ws.owner.token);
    const me = teamClient(server, bea.token);
    const put = (body: unknown) => me.request('PUT', '/api/v1/me/status', body);
    expect((await put({ presence: 'dnd', onCall: true })).statusCode).toBe(200);
    await expect(live.next((m) => m.type === 'event')).resolves.toMatchObject({ event: { type: 'status-changed', status: { agentId: bea.id, presence: 'dnd', onCall: true } } });
    expect(await statusOf(bea.id)).toMatchObject({ presence: 'dnd', onCall: true });
    await put({ presence: 'dnd', onCall: true });
    await put({ presence: 'available', onCall: false });
    await live.next((m) => m.type === 'event' && m.event.type === 'status-changed' && m.event.status.presence === 'available');
    expect(live.messages.filter((m) => m.type === 'event')).toHaveLength(2);
    live.close();
  });

  it('refuses a wrong presence, an unknown field, and the team status to a Basic agent', async () => {
    const me = teamClient(server, bea.token);
    expect((await me.request('PUT', '/api/v1/me/status', { presence: 'asleep', onCall: false })).statusCode).toBe(400);
    expect((await me.request('PUT', '/api/v1/me/status', { presence: 'away', onCall: false, registered: true })).statusCode).toBe(400);
    expect((await me.get('/api/v1/team/status')).statusCode).toBe(403);
    expect((await teamClient(server, undefined).request('PUT', '/api/v1/me/status', { presence: 'away', onCall: false })).statusCode).toBe(401);
  });
});
