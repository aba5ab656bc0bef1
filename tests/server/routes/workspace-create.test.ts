import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceInfoSchema } from '../../../common/schemas/workspace/auth';
import { buildServer } from '../../../server/app';
import { openDatabase } from '../../../server/db/open-database';
import { createServerContext } from '../../../server/server-context';
import { digestHashes } from '../../../server/services/sip-provisioning';
import { OWNER_PASSWORD, createTeam, post, rowCounts, workspaceForm } from '../support/accounts';
import { DIALECTS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('creating the workspace (%s)', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(dialect);
  });
  afterEach(() => server.close());

  it('makes the first admin its Owner and signs them in at once', async () => {
    const session = await createTeam(server, workspaceForm({ email: ' Olivia@Example.COM ', timeZone: 'Europe/Madrid' }));
    expect(session.agent).toMatchObject({ email: 'olivia@example.com', fullName: 'Olivia Owner', extension: '100', role: 'owner', status: 'active', version: 1 });
    expect(session.agent.groupIds).toHaveLength(1);
    expect(session.agent.settings.officeHours.timeZone).toBe('Europe/Madrid');
    expect(session.sip).toEqual({
      sipUser: session.agent.sipUser,
      domain: server.config.sipDomain,
      wsServer: server.config.wsServer,
      displayName: 'Olivia Owner',
      ha1: digestHashes(session.agent.sipUser, server.config.sipDomain, OWNER_PASSWORD).ha1,
    });
    // The access token works on a signed-in route straight away.
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(me.json()).toMatchObject({ agent: { id: session.agent.id, role: 'owner' } });
    // The welcome screen now offers sign-in, with the team's name.
    const info = workspaceInfoSchema.parse((await server.app.inject({ method: 'GET', url: '/api/v1/workspace' })).json());
    expect(info).toMatchObject({ exists: true, name: 'Acme Support' });
    const group = await server.db.database.db.selectFrom('agent_group').selectAll().executeTakeFirstOrThrow();
    expect(group).toMatchObject({ id: session.agent.groupIds[0], name: 'Everyone', number: null });
  });

  it('gives Kamailio the Owner as HA1/HA1B only, and its extension as an alias', async () => {
    const session = await createTeam(server);
    const { db } = server.db.database;
    const subscriber = await db.selectFrom('subscriber').selectAll().executeTakeFirstOrThrow();
    const expected = digestHashes(session.agent.sipUser, server.config.sipDomain, OWNER_PASSWORD);
    expect(subscriber).toMatchObject({ username: session.agent.sipUser, domain: server.config.sipDomain, password: '', ha1: expected.ha1, ha1b: expected.ha1b });
    const aliases = await db.selectFrom('dbaliases').select(['alias_username', 'alias_domain', 'username', 'domain']).execute();
    expect(aliases).toEqual([{ alias_username: '100', alias_domain: server.config.sipDomain, username: session.agent.sipUser, domain: server.config.sipDomain }]);
    const agent = await db.selectFrom('agent').select('password_hash').executeTakeFirstOrThrow();
    expect(agent.password_hash).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
  });

  it('keeps the plain password out of the database entirely', async () => {
    await createTeam(server);
    await post(server, '/api/v1/auth/sign-in', { email: 'olivia@example.com', password: OWNER_PASSWORD });
    const { db } = server.db.database;
    const everything = JSON.stringify([
      await db.selectFrom('agent').selectAll().execute(),
      await db.selectFrom('subscriber').selectAll().execute(),
      await db.selectFrom('refresh_token').selectAll().execute(),
      await db.selectFrom('throttle').selectAll().execute(),
    ]);
    expect(everything).not.toContain(OWNER_PASSWORD);
    if (dialect === 'sqlite') {
      // The file's bytes, WAL included: not even a page left over from a transaction.
      for (const file of [server.db.location.sqliteFile, `${server.db.location.sqliteFile}-wal`]) {
        if (fs.existsSync(file)) expect(fs.readFileSync(file).includes(Buffer.from(OWNER_PASSWORD))).toBe(false);
      }
    }
  });

  it('refuses a second workspace and changes nothing', async () => {
    await createTeam(server);
    const before = await rowCounts(server);
    const res = await post(server, '/api/v1/workspace', workspaceForm({ name: 'Hostile takeover', email: 'mallory@example.com', extension: '666' }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ problem: 'workspace-exists' });
    expect(await rowCounts(server)).toEqual(before);
  });

  it('lets exactly one of many simultaneous creates through, even across two replicas', async () => {
    // A second server process on the same database: what a load balancer (or `init` beside the service) gives.
    const other = openDatabase(server.db.location);
    const replica = await buildServer(createServerContext({ database: other, config: server.config, clock: server.clock }));
    try {
      const attempts = Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? replica : server.app).inject({ method: 'POST', url: '/api/v1/workspace', payload: workspaceForm({ name: `Team ${i}`, email: `owner${i}@example.com`, extension: `10${i}` }) }),
      );
      const statuses = (await Promise.all(attempts)).map((r) => r.statusCode).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      const counts = await rowCounts(server);
      expect(counts).toMatchObject({ workspace: 1, agent: 1, agent_group: 1, group_member: 1, subscriber: 1, dbaliases: 1, refresh_token: 1 });
      const owners = await server.db.database.db.selectFrom('agent').select('role').where('role', '=', 'owner').execute();
      expect(owners).toHaveLength(1);
    } finally {
      await replica.close();
      await other.close();
    }
  });

  it('starts the team in UTC when no time zone is given, and refuses one that does not exist', async () => {
    const bad = await post(server, '/api/v1/workspace', workspaceForm({ timeZone: 'Mars/Olympus_Mons' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ problem: 'invalid-request', fields: { timeZone: 'time-zone-invalid' } });
    const session = await createTeam(server);
    expect(session.agent.settings.officeHours.timeZone).toBe('UTC');
  });

  it('names each wrong field of the form, and writes nothing', async () => {
    const res = await post(server, '/api/v1/workspace', { name: ' ', owner: { email: 'not-an-email', fullName: '', extension: '1', password: 'short' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      problem: 'invalid-request',
      fields: { name: 'workspace-name-missing', 'owner.email': 'email-invalid', 'owner.fullName': 'full-name-missing', 'owner.extension': 'extension-invalid', 'owner.password': 'password-too-short' },
    });
    expect((await rowCounts(server)).workspace).toBe(0);
  });
});
