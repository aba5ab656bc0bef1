import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEAM_COPY_FILE_MODE, TEAM_COPY_FILE_NAME } from '../../../main/services/workspace/team-copy-store';
import type { IpcSender } from '../../../main/ipc/ipc-registry';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeVault } from '../../fakes/fake-vault';
import { createTestRingdesk } from '../../fakes/test-ringdesk';
import { agentWithPassword, createTeam, rowCounts, workspaceForm } from '../support/accounts';
import { cuttableLink, type CuttableLink } from '../support/cuttable-link';
import { DIALECTS } from '../support/databases';
import { teamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { refusal } from '../support/user-facing-refusal';

/** The phone window, as main's IPC layer names it (the handlers are called directly). */
const own: IpcSender = { webContentsId: 1, frameUrl: 'app://ringdesk/index.html', isMainFrame: true };
const PASSWORD = 'correct horse battery';
const FIRST_PAGE = { limit: 100, offset: 0 };

/**
 * Issue 11 part 9, main's side: the app keeps the last copy of the team it
 * read (agents, groups, teammates' status) in its data folder, and after a
 * restart with the workspace unreachable it still has it to show — for the
 * admin who read it only. The real main services (settings file, vault,
 * team copy file) over one data folder, restarted; a real workspace behind
 * a real TCP link the test cuts.
 */
describe.each(DIALECTS)('the team copy kept across restarts (%s)', (dialect) => {
  let server: TestServer;
  let link: CuttableLink;
  let everyone: string;
  let sales: string;
  let dir: string;
  let vault: FakeVault;
  const started: Array<{ shutdown(timeoutMs?: number): Promise<void> }> = [];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const owner = await createTeam(server, workspaceForm({ email: 'ana@example.com', fullName: 'Ana Lopez', password: PASSWORD, extension: '100' }));
    everyone = owner.agent.groupIds[0]!;
    const admin = teamClient(server, owner.accessToken);
    sales = (await admin.post('/api/v1/groups', { name: 'Sales', number: '600' })).json().id;
    expect((await admin.post('/api/v1/agents', { email: 'ben@example.com', fullName: 'Ben Brown', extension: '104', role: 'basic', groupIds: [everyone, sales] })).statusCode).toBe(201);
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    link = await cuttableLink(typeof address === 'object' && address ? address.port : 0);
  });
  afterAll(async () => {
    await link.close();
    await server.close();
  });
  afterEach(async () => {
    for (const app of started.splice(0)) await app.shutdown(100);
    await link.restore().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** main's services starting over the data folder (a restart keeps the folder and the keychain). */
  const startApp = async () => {
    const app = await createTestRingdesk({ dir, clock: new FakeClock(server.clock.now()), vault });
    started.push(app.ringdesk);
    return app;
  };
  const quit = async (app: Awaited<ReturnType<typeof startApp>>) => {
    started.splice(started.indexOf(app.ringdesk), 1);
    await app.ringdesk.shutdown(100);
  };
  const copyFile = () => path.join(dir, TEAM_COPY_FILE_NAME);
  const fresh = () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-offline-'));
    vault = new FakeVault();
  };

  it('an admin restarted while the workspace is down still reads the team as last seen: agents, groups, status; edits are refused and nothing is written', async () => {
    fresh();
    const first = await startApp();
    await first.ringdesk.handlers.workspace.signIn({ url: link.url, email: 'ana@example.com', password: PASSWORD }, own);
    const { team } = first.ringdesk.handlers;
    const seen = await team.listAgents(FIRST_PAGE, own);
    const groups = await team.listGroups(undefined, own);
    const status = await team.status(undefined, own);
    expect(seen.agents.map((a) => a.fullName)).toEqual(['Ana Lopez', 'Ben Brown']);
    await quit(first);
    if (process.platform !== 'win32') expect(fs.statSync(copyFile()).mode & 0o777).toBe(TEAM_COPY_FILE_MODE);

    await link.cut();
    const second = await startApp();
    const offline = second.ringdesk.handlers.team;
    expect((await refusal(offline.listAgents(FIRST_PAGE, own))).workspace).toEqual({ failure: 'workspace-unreachable' });
    const copy = await offline.copy(undefined, own);
    expect(copy).not.toBeNull();
    expect(copy!.agents.map((a) => [a.fullName, a.extension, a.status])).toEqual([
      ['Ana Lopez', '100', 'active'],
      ['Ben Brown', '104', 'pending'],
    ]);
    expect(copy!.total).toBe(2);
    expect(copy!.groups.map((g) => g.name).sort()).toEqual(groups.groups.map((g) => g.name).sort());
    expect(copy!.statuses).toEqual(status.agents.filter((s) => copy!.agents.some((a) => a.id === s.agentId)));
    expect(copy!.savedAt).toBeGreaterThan(0);

    const before = await rowCounts(server);
    expect((await refusal(offline.createAgent({ email: 'cy@example.com', fullName: 'Cy Cole', extension: '105', role: 'basic', groupIds: [everyone] }, own))).workspace).toEqual({ failure: 'workspace-unreachable' });
    expect((await refusal(offline.updateGroup({ id: sales, version: 1, name: 'Sales EU' }, own))).workspace).toEqual({ failure: 'workspace-unreachable' });
    await link.restore();
    expect(await rowCounts(server)).toEqual(before);
  });

  it('a copy file that is not ours (damaged, or edited by hand) is set aside: no copy, no crash, and the next read writes a good one', async () => {
    fresh();
    const first = await startApp();
    await first.ringdesk.handlers.workspace.signIn({ url: link.url, email: 'ana@example.com', password: PASSWORD }, own);
    await first.ringdesk.handlers.team.listAgents(FIRST_PAGE, own);
    await quit(first);
    const good = JSON.parse(fs.readFileSync(copyFile(), 'utf8'));

    for (const damaged of ['{"format":1,"url":', JSON.stringify({ ...good, copy: { ...good.copy, agents: [{ id: 'x' }] } })]) {
      fs.writeFileSync(copyFile(), damaged);
      await link.cut();
      const app = await startApp();
      expect(await app.ringdesk.handlers.team.copy(undefined, own)).toBeNull();
      expect(fs.existsSync(copyFile())).toBe(false);
      expect(app.log.lines.some((l) => l.includes('team copy set aside'))).toBe(true);
      await link.restore();
      await app.ringdesk.handlers.team.listAgents(FIRST_PAGE, own);
      expect((await app.ringdesk.handlers.team.copy(undefined, own))?.agents).toHaveLength(2);
      await quit(app);
    }
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(`${TEAM_COPY_FILE_NAME}.broken-`))).toHaveLength(2);
  });

  it('signing out forgets the copy, and it is never shown to someone else signing in here', async () => {
    fresh();
    const ben = await agentWithPassword(server, everyone, PASSWORD);
    expect((await teamClient(server, (await createAdminSession()).accessToken).patch(`/api/v1/agents/${ben.id}`, { version: 1, role: 'admin' })).statusCode).toBe(200);

    const app = await startApp();
    const { workspace, team } = app.ringdesk.handlers;
    await workspace.signIn({ url: link.url, email: 'ana@example.com', password: PASSWORD }, own);
    await team.listAgents(FIRST_PAGE, own);
    expect(fs.existsSync(copyFile())).toBe(true);
    await workspace.signOut(undefined, own);
    expect(fs.existsSync(copyFile())).toBe(false);

    await workspace.signIn({ url: link.url, email: 'ana@example.com', password: PASSWORD }, own);
    await team.listAgents(FIRST_PAGE, own);
    // Another admin signs in on this computer without signing Ana out first.
    await workspace.signIn({ url: link.url, email: ben.email, password: PASSWORD }, own);
    expect(fs.existsSync(copyFile())).toBe(false);
    await link.cut();
    expect(await team.copy(undefined, own)).toBeNull();
  });

  async function createAdminSession() {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'ana@example.com', password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    return response.json() as { accessToken: string };
  }
});
