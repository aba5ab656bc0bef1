import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../../common/schemas/workspace/audit';
import { DIALECTS } from '../support/databases';
import { seedAgent, seedWorkspace, type SeededAgent, type SeededWorkspace } from '../support/seed';
import { rowCounts, teamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('an agent editing their own profile (%s)', (dialect) => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let basic: SeededAgent;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    ws = await seedWorkspace(server);
    basic = await seedAgent(server, { role: 'basic', groupId: ws.groupId, fullName: 'Bea Basic' });
  });
  afterAll(() => server.close());

  it('lets a Basic agent change their name, phone, office hours and notifications, and the trail says it was them', async () => {
    const officeHours = { timeZone: 'America/New_York', days: { mon: [{ from: '08:00', to: '12:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    const res = await teamClient(server, basic.token).patch('/api/v1/me/profile', {
      version: 1,
      fullName: 'Bea B. Basic',
      personalPhone: '+14155550123',
      settings: { officeHours, notifications: { incomingCall: true, missedCall: true, voicemail: false } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: basic.id, fullName: 'Bea B. Basic', personalPhone: '+14155550123', role: 'basic', version: 2, settings: { officeHours } });
    const trail = auditPageSchema.parse((await teamClient(server, ws.owner.token).get(`/api/v1/agents/${basic.id}/audit`)).json());
    expect(new Set(trail.entries.map((e) => e.actor.agentId))).toEqual(new Set([basic.id]));
    expect(trail.entries.map((e) => e.field)).toContain('settings.officeHours.timeZone');
  });

  it('tells an admin editing an older copy that the agent changed it themselves', async () => {
    const res = await teamClient(server, ws.owner.token).patch(`/api/v1/agents/${basic.id}`, { version: 1, fullName: 'From An Old Copy' });
    expect(res.json()).toEqual({ problem: 'version-conflict', changedBy: { agentId: basic.id, fullName: 'Bea B. Basic', at: server.clock.now() } });
  });

  it('keeps role, email, extension, groups, status and call settings for admins: refused as unknown, nothing written', async () => {
    const before = await rowCounts(server);
    for (const field of ['role', 'email', 'extension', 'groupIds', 'status']) {
      const res = await teamClient(server, basic.token).patch('/api/v1/me/profile', { version: 2, [field]: 'x' });
      expect(res.json()).toEqual({ problem: 'invalid-request', fields: { [field]: 'unknown-field' } });
    }
    expect((await teamClient(server, basic.token).patch(`/api/v1/agents/${basic.id}`, { version: 2, role: 'admin' })).statusCode).toBe(403);
    expect(await rowCounts(server)).toEqual(before);
  });

  it('refuses a pending or disabled agent, who cannot be signed in', async () => {
    const disabled = await seedAgent(server, { role: 'basic', groupId: ws.groupId, status: 'disabled' });
    expect((await teamClient(server, disabled.token).patch('/api/v1/me/profile', { version: 1, fullName: 'X' })).json()).toEqual({ problem: 'account-disabled' });
  });
});
