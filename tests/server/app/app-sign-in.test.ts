import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../main/domain/settings/settings-document';
import { createFileSettingsRepository } from '../../../main/services/settings-repository';
import { UserFacingError } from '../../../main/services/user-facing-error';
import { createWorkspaceClient } from '../../../main/services/workspace/workspace-client';
import { WorkspaceSession } from '../../../main/services/workspace/workspace-session';
import { digestHashes } from '../../../server/services/sip-provisioning';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeVault } from '../../fakes/fake-vault';
import { MemoryLogger } from '../../fakes/memory-logger';
import { createTeam, workspaceForm } from '../support/accounts';
import { DIALECTS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The app's main process signing in to a real workspace over HTTP: the
 * same client, session and schemas that ship, against the real service.
 */
describe.each(DIALECTS)("the app's team sign-in against a real workspace (%s)", (dialect) => {
  let server: TestServer;
  let url: string;
  const password = 'correct horse battery';
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await createTeam(server, workspaceForm({ email: 'ana@example.com', password, extension: '100' }));
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => server.close());

  const newSession = () => {
    const file = { path: '/settings.json', store: {} as Record<string, unknown> };
    const settings = createFileSettingsRepository(file, DEFAULT_SETTINGS);
    const session = new WorkspaceSession({ settings, vault: new FakeVault(), client: createWorkspaceClient(), clock: new FakeClock(), log: new MemoryLogger(), instanceId: async () => '6f1f9a9e-0d3a-4d5c-9a43-7d1b6f7b8c10' });
    return { session, file };
  };

  it('registers with the SIP account the workspace hands over, and keeps no password or token in plain text', async () => {
    const { session, file } = newSession();
    await session.signIn({ url, email: 'ana@example.com', password });
    const account = await session.engineAccount();
    expect(account).toMatchObject({ authorizationHa1: digestHashes(account!.authorizationUsername, server.config.sipDomain, password).ha1, realm: server.config.sipDomain, wsServer: server.config.wsServer });
    expect((await session.view())?.agent).toMatchObject({ email: 'ana@example.com', extension: '100', role: 'owner' });
    const onDisk = JSON.stringify(file.store);
    expect(onDisk).not.toContain(password);
    expect(onDisk).not.toContain(account!.authorizationHa1);
  });

  it('tells the window why a wrong password was refused, as a code', async () => {
    const { session } = newSession();
    const refused = await session.signIn({ url, email: 'ana@example.com', password: 'wrong password' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserFacingError);
    expect((refused as UserFacingError).workspace).toEqual({ failure: 'sign-in-failed' });
    expect(await session.signedIn()).toBe(false);
  });

  it('resumes with a fresh session at the next start, and forgets it after signing out', async () => {
    const { session } = newSession();
    await session.signIn({ url, email: 'ana@example.com', password });
    expect(await session.resume()).toBe('online');
    await session.signOut();
    expect(await session.signedIn()).toBe(false);
    expect(await session.engineAccount()).toBeNull();
  });

  it('keeps the last copy when the workspace cannot be reached', async () => {
    const { session } = newSession();
    const unreachable = await session.signIn({ url: 'http://127.0.0.1:9', email: 'ana@example.com', password }).catch((e: unknown) => e);
    expect((unreachable as UserFacingError).workspace).toEqual({ failure: 'workspace-unreachable' });
  });
});

describe.each(DIALECTS)('the first admin creating the team from the app (%s)', (dialect) => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const address = server.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => server.close());

  const newSession = () =>
    new WorkspaceSession({ settings: createFileSettingsRepository({ path: '/settings.json', store: {} }, DEFAULT_SETTINGS), vault: new FakeVault(), client: createWorkspaceClient(), clock: new FakeClock(), log: new MemoryLogger(), instanceId: async () => '6f1f9a9e-0d3a-4d5c-9a43-7d1b6f7b8c10' });
  const team = { name: 'Acme Support', owner: { email: 'ana@example.com', fullName: 'Ana Lopez', extension: '100', password: 'correct horse battery' }, timeZone: 'Europe/Madrid' };

  it('becomes its Owner, signed in with a SIP account at once; a second creation is refused and changes nothing', async () => {
    const first = newSession();
    await first.createTeam({ url, ...team });
    expect(await first.view()).toMatchObject({ name: 'Acme Support', connection: 'online', agent: { email: 'ana@example.com', fullName: 'Ana Lopez', extension: '100', role: 'owner' } });
    const account = await first.engineAccount();
    expect(account?.authorizationHa1).toBe(digestHashes(account!.authorizationUsername, server.config.sipDomain, team.owner.password).ha1);

    const second = newSession();
    const refused = await second.createTeam({ url, ...team, owner: { ...team.owner, email: 'mallory@example.com' } }).catch((e: unknown) => e);
    expect((refused as UserFacingError).workspace).toEqual({ failure: 'workspace-exists' });
    expect(await second.signedIn()).toBe(false);
    // The Owner is still who made it.
    await second.signIn({ url, email: 'ana@example.com', password: team.owner.password });
    expect((await second.view())?.agent.role).toBe('owner');
  });
});
