import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { events } from '../../../preload/contract';
import type { TeamUpdate } from '../../../common/schemas/workspace/live';
import { DEFAULT_SETTINGS } from '../../../main/domain/settings/settings-document';
import { checkedEmitter } from '../../../main/ipc/checked-emitter';
import { contractEvents } from '../../../main/ipc/contract-handlers';
import { createFileSettingsRepository } from '../../../main/services/settings-repository';
import { wsLiveSocket } from '../../../main/services/workspace/live-socket';
import { LiveSync } from '../../../main/services/workspace/live-sync';
import { createTeamClient } from '../../../main/services/workspace/team-client';
import { createTeamPush, TEAM_PUSH_COALESCE_MS } from '../../../main/services/workspace/team-push';
import { createTeamService } from '../../../main/services/workspace/team-service';
import { createWorkspaceClient } from '../../../main/services/workspace/workspace-client';
import { WorkspaceSession } from '../../../main/services/workspace/workspace-session';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeVault } from '../../fakes/fake-vault';
import { MemoryLogger } from '../../fakes/memory-logger';
import { tempTeamCopy } from '../../fakes/temp-team-copy';
import { agentWithPassword, createTeam, OWNER_PASSWORD, workspaceForm } from '../support/accounts';
import { DIALECTS } from '../support/databases';
import { teamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * An admin's app (main) against a real workspace: live sync's WebSocket,
 * the coalescing push and the contract's checked event — what the window
 * receives — for a teammate's presence change; and the dashboard preference
 * switched through the workspace's own rule.
 */
describe.each(DIALECTS)("the admin's window hears the team live (%s)", (dialect) => {
  let server: TestServer;
  let url: string;
  let groupId: string;
  const password = 'cara-password-1';
  beforeAll(async () => {
    server = await startTestServer(dialect);
    groupId = (await createTeam(server, workspaceForm())).agent.groupIds[0]!;
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => server.close());

  async function adminApp() {
    const clock = new FakeClock();
    const log = new MemoryLogger();
    const settings = createFileSettingsRepository({ path: '/settings.json', store: {} }, DEFAULT_SETTINGS);
    const session = new WorkspaceSession({ settings, vault: new FakeVault(), client: createWorkspaceClient(), clock, log, instanceId: async () => '6f1f9a9e-0d3a-4d5c-9a43-7d1b6f7b8c10' });
    await session.signIn({ url, email: 'olivia@example.com', password: OWNER_PASSWORD });
    const live = new LiveSync({ session, socket: wsLiveSocket, clock, random: () => 0.5, log, copyChanged: () => undefined, sessionEnded: () => undefined });
    const window: Array<{ channel: string; payload: unknown }> = [];
    const invalid: string[] = [];
    const renderer = contractEvents(() => checkedEmitter((channel, payload) => window.push({ channel, payload }), (channel, problem) => invalid.push(`${channel}: ${problem}`)));
    const push = createTeamPush({ events: live.teamEvents, clock, send: (update) => renderer.teamChanged(update) });
    live.start();
    await vi.waitFor(() => expect(live.current).toBe('open'));
    const team = createTeamService({ session, client: createTeamClient(), copies: tempTeamCopy(log), log, sessionChanged: () => undefined });
    const updates = () => window.filter((e) => e.channel === events.teamChanged.channel).map((e) => e.payload as TeamUpdate);
    return { session, live, push, clock, team, updates, invalid, stop: async () => {
      await live.settled();
      push.stop();
      live.stop();
    },
  };
  }

  it("a teammate's presence change reaches the admin's window as a checked teamChanged event", async () => {
    const cara = await agentWithPassword(server, groupId, password);
    const admin = await adminApp();
    const res = await server.app.inject({ method: 'PUT', url: '/api/v1/me/status', headers: { authorization: `Bearer ${cara.token}` }, payload: { presence: 'away', onCall: false } });
    expect(res.statusCode).toBe(200);
    await vi.waitFor(() => {
      admin.clock.advance(TEAM_PUSH_COALESCE_MS);
      expect(admin.updates().flatMap((u) => u.statuses)).toContainEqual({ agentId: cara.id, registered: false, presence: 'away', onCall: false });
    });
    expect(admin.invalid).toEqual([]);
    const status = await admin.team.status();
    expect(status.agents.find((a) => a.agentId === cara.id)).toMatchObject({ presence: 'away' });
    await admin.stop();
  });

  it("a teammate renamed by another admin reaches the window as the agent's new version", async () => {
    const cara = await agentWithPassword(server, groupId, password);
    const admin = await adminApp();
    const owner = teamClient(server, (await server.context.tokens.issue((await admin.session.view())!.agent.id)).token);
    const version = (await owner.get(`/api/v1/agents/${cara.id}`)).json().version as number;
    const renamed = await owner.patch(`/api/v1/agents/${cara.id}`, { version, fullName: 'Cara Renamed' });
    await vi.waitFor(() => {
      admin.clock.advance(TEAM_PUSH_COALESCE_MS);
      expect(admin.updates().flatMap((u) => u.agents)).toContainEqual({ agentId: cara.id, version: renamed.json().version });
    });
    await admin.stop();
  });

  it("the dashboard switch is kept in the session's copy once the team is big enough", async () => {
    const admin = await adminApp();
    const count = (await admin.team.listAgents({ limit: 500, offset: 0 })).agents.filter((a) => a.status !== 'disabled').length;
    for (let i = count; i < 4; i += 1) await agentWithPassword(server, groupId, `filler-password-${i}`);
    await admin.session.setExtendedDashboard(true);
    expect((await admin.session.view())?.agent.extendedDashboard).toBe(true);
    await admin.session.setExtendedDashboard(false);
    expect((await admin.session.view())?.agent.extendedDashboard).toBe(false);
    await admin.stop();
  });
});
