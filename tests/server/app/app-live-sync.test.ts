import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../../common/schemas/workspace/live';
import { DEFAULT_SETTINGS } from '../../../main/domain/settings/settings-document';
import { createFileSettingsRepository } from '../../../main/services/settings-repository';
import { wsLiveSocket, type LiveSocket, type LiveSocketFactory } from '../../../main/services/workspace/live-socket';
import { LiveSync } from '../../../main/services/workspace/live-sync';
import { createWorkspaceClient } from '../../../main/services/workspace/workspace-client';
import { createStatusReporter } from '../../../main/services/workspace/status-reporter';
import { WorkspaceSession } from '../../../main/services/workspace/workspace-session';
import { teamStatusSchema } from '../../../common/schemas/workspace/live';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeVault } from '../../fakes/fake-vault';
import { MemoryLogger } from '../../fakes/memory-logger';
import { agentWithPassword, createTeam, OWNER_PASSWORD, workspaceForm } from '../support/accounts';
import { DIALECTS } from '../support/databases';
import { teamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Main's live sync against a real workspace over the network: the same
 * WorkspaceSession, LiveSync and `ws` client that ship. Timers (backoff)
 * run on a fake clock the test moves; everything else is real.
 */
describe.each(DIALECTS)("the app's live sync with a real workspace (%s)", (dialect) => {
  let server: TestServer;
  let url: string;
  let groupId: string;
  let ownerId: string;
  const password = 'bea-password-1';
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const owner = await createTeam(server, workspaceForm());
    ownerId = owner.agent.id;
    groupId = owner.agent.groupIds[0]!;
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => server.close());

  const admin = () => server.context.tokens.issue(ownerId).then(({ token }) => teamClient(server, token));
  const versionOf = async (id: string) => ((await (await admin()).get(`/api/v1/agents/${id}`)).json() as { version: number }).version;

  /** One app's main process, signed in as `email`, with its live sync started. */
  async function app(email: string, pw: string) {
    const file = { path: '/settings.json', store: {} as Record<string, unknown> };
    const clock = new FakeClock();
    const log = new MemoryLogger();
    const session = new WorkspaceSession({ settings: createFileSettingsRepository(file, DEFAULT_SETTINGS), vault: new FakeVault(), client: createWorkspaceClient(), clock, log, instanceId: async () => '6f1f9a9e-0d3a-4d5c-9a43-7d1b6f7b8c10' });
    await session.signIn({ url, email, password: pw });
    const sockets: LiveSocket[] = [];
    const socket: LiveSocketFactory = (u, handlers) => {
      const s = wsLiveSocket(u, handlers);
      sockets.push(s);
      return s;
    };
    const ended = vi.fn();
    const live = new LiveSync({ session, socket, clock, random: () => 0.5, log, copyChanged: () => undefined, sessionEnded: ended });
    const heard: LiveEvent[] = [];
    live.teamEvents.on((e) => heard.push(e));
    live.start();
    await vi.waitFor(() => expect(live.current).toBe('open'));
    return { session, live, clock, log, ended, heard, dropConnection: () => sockets.at(-1)?.close() };
  }

  it("an admin's edit reaches the agent's app, which keeps the new copy", async () => {
    const bea = await agentWithPassword(server, groupId, password);
    const a = await app(bea.email, password);
    await (await admin()).patch(`/api/v1/agents/${bea.id}`, { version: await versionOf(bea.id), fullName: 'Bea Renamed', extension: '321' });
    await vi.waitFor(async () => expect((await a.session.view())?.agent).toMatchObject({ fullName: 'Bea Renamed', extension: '321' }));
    a.live.stop();
  });

  it('after the connection drops it reconnects "since" where it was and catches up on what it missed', async () => {
    const bea = await agentWithPassword(server, groupId, password);
    const a = await app(bea.email, password);
    a.dropConnection();
    await vi.waitFor(() => expect(a.live.current).toBe('waiting'));
    await (await admin()).patch(`/api/v1/agents/${bea.id}`, { version: await versionOf(bea.id), fullName: 'Changed While Away' });
    a.clock.advance(60_000); // the backoff's wait
    await vi.waitFor(() => expect(a.live.current).toBe('open'));
    await vi.waitFor(async () => expect((await a.session.view())?.agent.fullName).toBe('Changed While Away'));
    expect(a.log.lines.some((l) => l.includes('resumed'))).toBe(true);
    a.live.stop();
  });

  it("the agent's own profile edit reaches the admin's app as a team event", async () => {
    const bea = await agentWithPassword(server, groupId, password);
    const owner = await app('olivia@example.com', OWNER_PASSWORD);
    const res = await teamClient(server, bea.token).patch('/api/v1/me/profile', { version: await versionOf(bea.id), fullName: 'Bea By Herself' });
    await vi.waitFor(() => expect(owner.heard).toContainEqual({ type: 'agent-changed', agentId: bea.id, version: res.json().version }));
    owner.live.stop();
  });

  it('an agent removed by an admin is signed out here, and the window is told why', async () => {
    const bea = await agentWithPassword(server, groupId, password);
    const a = await app(bea.email, password);
    expect((await (await admin()).delete(`/api/v1/agents/${bea.id}`)).statusCode).toBe(204);
    await vi.waitFor(() => expect(a.ended).toHaveBeenCalled());
    expect(await a.session.signedIn()).toBe(false);
    expect(await a.session.engineAccount()).toBeNull();
    expect(a.session.notices()).toEqual([{ id: 'workspace-removed', tone: 'warning', params: { reason: 'removed' } }]);
    expect(a.live.current).toBe('stopped');
  });

  it('an agent disabled by an admin is signed out too, with its own reason', async () => {
    const bea = await agentWithPassword(server, groupId, password);
    const a = await app(bea.email, password);
    await (await admin()).patch(`/api/v1/agents/${bea.id}`, { version: await versionOf(bea.id), status: 'disabled' });
    await vi.waitFor(() => expect(a.ended).toHaveBeenCalled());
    expect(a.session.notices()).toEqual([{ id: 'workspace-removed', tone: 'warning', params: { reason: 'disabled' } }]);
  });

  it("tells the workspace the agent's presence and call state, the newest only, and again after a failure once reconnected", async () => {
    const bea = await agentWithPassword(server, groupId, password);
    const a = await app(bea.email, password);
    let unreachable = false;
    const client = createWorkspaceClient();
    const reporter = createStatusReporter({
      put: async (report) => {
        if (unreachable) throw new Error('workspace-unreachable');
        await client.putStatus(url, await a.session.accessToken(), report);
      },
      clock: a.clock,
      log: a.log,
    });
    const statusOfBea = async () => teamStatusSchema.parse((await (await admin()).get('/api/v1/team/status')).json()).agents.find((s) => s.agentId === bea.id);
    reporter.report({ presence: 'away', onCall: false });
    reporter.report({ presence: 'available', onCall: true });
    a.clock.advance(1_000);
    await reporter.flush();
    expect(await statusOfBea()).toMatchObject({ presence: 'available', onCall: true });

    unreachable = true;
    reporter.report({ presence: 'dnd', onCall: false });
    a.clock.advance(1_000);
    await reporter.flush();
    expect(await statusOfBea()).toMatchObject({ presence: 'available' });
    unreachable = false;
    await reporter.resend(); // what live sync does on every (re)connection
    expect(await statusOfBea()).toMatchObject({ presence: 'dnd', onCall: false });
    a.live.stop();
  });
});
