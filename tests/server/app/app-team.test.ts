import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../main/domain/settings/settings-document';
import { createFileSettingsRepository } from '../../../main/services/settings-repository';
import { createTeamClient } from '../../../main/services/workspace/team-client';
import { createTeamService, type TeamService } from '../../../main/services/workspace/team-service';
import { createWorkspaceClient } from '../../../main/services/workspace/workspace-client';
import { WorkspaceSession } from '../../../main/services/workspace/workspace-session';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeVault } from '../../fakes/fake-vault';
import { MemoryLogger } from '../../fakes/memory-logger';
import { tempTeamCopy } from '../../fakes/temp-team-copy';
import { agentWithPassword, createTeam, workspaceForm } from '../support/accounts';
import { cuttableLink, type CuttableLink } from '../support/cuttable-link';
import { DIALECTS } from '../support/databases';
import { teamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { refusal } from '../support/user-facing-refusal';

/**
 * Main's team service talking to a real workspace over HTTP: the same
 * session (tokens, refresh), client and schemas that ship, against the real
 * service, on both databases.
 */
describe.each(DIALECTS)("the app's Team area against a real workspace (%s)", (dialect) => {
  let server: TestServer;
  let link: CuttableLink;
  let ownerToken: string;
  let everyone: string;
  const password = 'correct horse battery';
  /** Every request main made to the workspace, as `METHOD /path`. */
  const requests: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const owner = await createTeam(server, workspaceForm({ email: 'ana@example.com', fullName: 'Ana Lopez', password, extension: '100' }));
    ownerToken = owner.accessToken;
    everyone = owner.agent.groupIds[0]!;
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    link = await cuttableLink(typeof address === 'object' && address ? address.port : 0);
  });
  afterAll(async () => {
    await link.close();
    await server.close();
  });

  const appSignedIn = async (email: string): Promise<{ team: TeamService; session: WorkspaceSession }> => {
    const settings = createFileSettingsRepository({ path: '/settings.json', store: {} }, DEFAULT_SETTINGS);
    const log = new MemoryLogger();
    const session = new WorkspaceSession({ settings, vault: new FakeVault(), client: createWorkspaceClient(), clock: new FakeClock(), log, instanceId: async () => '6f1f9a9e-0d3a-4d5c-9a43-7d1b6f7b8c10' });
    await session.signIn({ url: link.url, email, password });
    return { session, team: createTeamService({ session, client: createTeamClient(countingFetch), copies: tempTeamCopy(log), log, sessionChanged: () => {} }) };
  };

  it('an admin adds a teammate (pending), finds them, edits them and deletes them', async () => {
    const { team } = await appSignedIn('ana@example.com');
    const added = await team.createAgent({ email: 'Ben@Example.com ', fullName: 'Ben Brown', extension: '104', role: 'basic', groupIds: [everyone] });
    expect(added).toMatchObject({ email: 'ben@example.com', status: 'pending', version: 1 });
    expect((await team.listAgents({ search: 'ben', limit: 100, offset: 0 })).agents.map((a) => [a.fullName, a.status])).toEqual([['Ben Brown', 'pending']]);
    const edited = await team.updateAgent(added.id, { version: added.version, fullName: 'Ben Browning', extension: '105' });
    expect(edited).toMatchObject({ fullName: 'Ben Browning', extension: '105', version: 2 });
    expect((await team.agentAudit(added.id, { limit: 50, offset: 0 })).entries.map((e) => e.field)).toEqual(expect.arrayContaining(['created', 'fullName', 'extension']));
    await team.deleteAgent(added.id);
    expect((await team.listAgents({ search: 'ben', limit: 100, offset: 0 })).total).toBe(0);
    expect((await refusal(team.getAgent(added.id))).workspace).toEqual({ failure: 'not-found' });
  });

  it('an admin reads a pending agent’s invitation and resends it; past the limit it is told when to try again, and once active there is nothing to resend', async () => {
    const { team } = await appSignedIn('ana@example.com');
    const hal = await team.createAgent({ email: 'hal@example.com', fullName: 'Hal Hurst', extension: '160', role: 'basic', groupIds: [everyone] });
    const now = server.clock.now();
    expect(await team.agentInvitation(hal.id)).toEqual({ invitation: { email: 'hal@example.com', createdAt: now, expiresAt: expect.any(Number), sentAt: now, failedAt: null, failure: null } });
    for (let i = 0; i < 3; i++) expect(await team.resendInvitation(hal.id)).toMatchObject({ agentId: hal.id, mail: 'sent' });
    const limited = await refusal(team.resendInvitation(hal.id));
    expect(limited.workspace).toEqual({ failure: 'rate-limited', retryAfterSec: 3600 });

    const ivy = await team.createAgent({ email: 'ivy@example.com', fullName: 'Ivy Ives', extension: '161', role: 'basic', groupIds: [everyone] });
    await server.db.database.db.updateTable('agent').set({ status: 'active' }).where('id', '=', ivy.id).execute();
    expect(await team.agentInvitation(ivy.id)).toEqual({ invitation: null });
    expect((await refusal(team.resendInvitation(ivy.id))).workspace).toEqual({ failure: 'agent-already-active' });
  });

  it('names the field when an extension or email is taken', async () => {
    const { team } = await appSignedIn('ana@example.com');
    expect((await refusal(team.createAgent({ email: 'cy@example.com', fullName: 'Cy', extension: '100', role: 'basic', groupIds: [everyone] }))).fields).toEqual({ extension: 'extension-taken' });
    expect((await refusal(team.createAgent({ email: 'ana@example.com', fullName: 'Cy', extension: '180', role: 'basic', groupIds: [everyone] }))).fields).toEqual({ email: 'email-taken' });
  });

  it('tells the second of two admins who saved first, and writes nothing of theirs', async () => {
    const { team } = await appSignedIn('ana@example.com');
    const dee = await team.createAgent({ email: 'dee@example.com', fullName: 'Dee Diaz', extension: '120', role: 'basic', groupIds: [everyone] });
    await team.updateAgent(dee.id, { version: dee.version, fullName: 'Dee First' });
    const refused = await refusal(team.updateAgent(dee.id, { version: dee.version, fullName: 'Dee Second' }));
    expect(refused.workspace).toMatchObject({ failure: 'version-conflict', changedBy: { fullName: 'Ana Lopez' } });
    expect((await team.getAgent(dee.id)).fullName).toBe('Dee First');
  });

  it('refuses to delete a group that would leave someone with no group, naming them', async () => {
    const { team } = await appSignedIn('ana@example.com');
    const solo = await team.createGroup({ name: 'Night shift' });
    const eve = await team.createAgent({ email: 'eve@example.com', fullName: 'Eve Evans', extension: '130', role: 'basic', groupIds: [solo.id] });
    expect((await refusal(team.deleteGroup(solo.id))).workspace).toEqual({ failure: 'agent-needs-group', agentIds: [eve.id] });
    // Adding Eve moved the group's version too: rename from the copy as it is now.
    const current = (await team.listGroups()).groups.find((g) => g.id === solo.id)!;
    const renamed = await team.updateGroup(solo.id, { version: current.version, name: 'Late shift' });
    expect((await team.listGroups()).groups.find((g) => g.id === solo.id)).toMatchObject({ name: 'Late shift', memberIds: [eve.id], version: renamed.version });
  });

  it("refuses a Basic agent in main without asking the workspace, and the workspace refuses it too (403) when main's copy of the role is stale", async () => {
    const basic = await agentWithPassword(server, everyone, password);
    const { team } = await appSignedIn(basic.email);
    requests.length = 0;
    expect((await refusal(team.listAgents({ limit: 100, offset: 0 }))).workspace).toEqual({ failure: 'forbidden' });
    expect((await refusal(team.createAgent({ email: 'x@example.com', fullName: 'X', extension: '190', role: 'admin', groupIds: [everyone] }))).workspace).toEqual({ failure: 'forbidden' });
    expect(requests).toEqual([]);

    // An admin signed in here, then demoted by the Owner on another computer.
    const owner = teamClient(server, ownerToken);
    const promoted = await owner.patch(`/api/v1/agents/${basic.id}`, { version: 1, role: 'admin' });
    expect(promoted.statusCode).toBe(200);
    const { team: adminTeam, session } = await appSignedIn(basic.email);
    expect((await adminTeam.listGroups()).groups.length).toBeGreaterThan(0);
    expect((await owner.patch(`/api/v1/agents/${basic.id}`, { version: promoted.json().version, role: 'basic' })).statusCode).toBe(200);
    requests.length = 0;
    expect((await refusal(adminTeam.listGroups())).workspace).toEqual({ failure: 'forbidden' });
    expect(requests).toEqual(['GET /api/v1/groups']);
    // Main took the current role from the workspace: the window stops offering the Team area.
    expect((await session.view())?.agent.role).toBe('basic');
  });

  it('refuses an edit at once while the workspace is unreachable, and never sends it later', async () => {
    const { team, session } = await appSignedIn('ana@example.com');
    const fay = await team.createAgent({ email: 'fay@example.com', fullName: 'Fay Ford', extension: '140', role: 'basic', groupIds: [everyone] });
    await link.cut();
    try {
      expect((await refusal(team.updateAgent(fay.id, { version: fay.version, fullName: 'Fay Offline' }))).workspace).toEqual({ failure: 'workspace-unreachable' });
      expect((await refusal(team.createAgent({ email: 'gus@example.com', fullName: 'Gus', extension: '150', role: 'basic', groupIds: [everyone] }))).workspace).toEqual({
        failure: 'workspace-unreachable',
      });
      expect((await session.view())?.connection).toBe('offline');
    } finally {
      await link.restore();
    }
    // Back online: nothing was queued and sent behind the admin's back.
    expect((await team.getAgent(fay.id)).fullName).toBe('Fay Ford');
    expect((await team.listAgents({ search: 'gus', limit: 100, offset: 0 })).total).toBe(0);
    expect((await session.view())?.connection).toBe('online');
  });
});
