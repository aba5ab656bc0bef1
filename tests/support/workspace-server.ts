import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sessionSchema, type Session } from '../../common/schemas/workspace/auth';
import { buildServer } from '../../server/app';
import { loadConfig } from '../../server/config';
import { migrateToLatest } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { createServerContext } from '../../server/server-context';
import { systemClock } from '../../server/services/clock';
import { hashPassword } from '../../server/services/passwords';
import { digestHashes, provisionSubscriber } from '../../server/services/sip-provisioning';
import { startKamailio, type KamailioHandle } from './kamailio/kamailio.mjs';

export const OWNER = { email: 'olivia@example.com', fullName: 'Olivia Owner', extension: '100', password: 'tr0ub4dor&3-horse' } as const;

export interface TestWorkspace {
  /** `http://127.0.0.1:<port>`: what an agent types as the workspace address. */
  url: string;
  /** The Kamailio that reads this workspace's database, as in production. */
  kamailio: KamailioHandle;
  owner: Session;
  /** A teammate who has accepted their invitation (password set, SIP account provisioned). */
  addConfirmedAgent(agent: { email: string; fullName: string; extension: string; password: string; role: 'basic' | 'admin' }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real workspace service for an end-to-end test: a fresh SQLite
 * database, the shipped Kamailio config reading it, and the service
 * listening on loopback with that Kamailio as its WebSocket server — so an
 * agent who signs in from the app really registers. The Owner is created
 * through the API, as from the welcome screen.
 */
export async function startWorkspace(): Promise<TestWorkspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-e2e-ws-'));
  const sqliteFile = path.join(dir, 'workspace.sqlite');
  const database = openDatabase({ databaseUrl: undefined, sqliteFile });
  await migrateToLatest(database);
  const kamailio = await startKamailio({ database: { sqliteFile } });
  const config = { ...loadConfig({ RINGDESK_SERVER_PORT: '0', RINGDESK_SIP_DOMAIN: kamailio.domain, RINGDESK_WS_SERVER: kamailio.wsUrl }, dir), sqliteFile };
  const context = createServerContext({ database, config, clock: systemClock });
  const app = await buildServer(context);
  const created = await app.inject({ method: 'POST', url: '/api/v1/workspace', payload: { name: 'Acme Support', owner: OWNER } });
  if (created.statusCode !== 201) throw new Error(`workspace creation answered ${created.statusCode}: ${created.body}`);
  const owner = sessionSchema.parse(created.json());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    kamailio,
    owner,
    async addConfirmedAgent(agent) {
      const { password, ...body } = agent;
      const res = await app.inject({ method: 'POST', url: '/api/v1/agents', headers: { authorization: `Bearer ${owner.accessToken}` }, payload: { ...body, groupIds: owner.agent.groupIds } });
      if (res.statusCode !== 201) throw new Error(`adding ${agent.email} answered ${res.statusCode}: ${res.body}`);
      const { id, sipUser } = res.json() as { id: string; sipUser: string };
      // What accepting the invitation leaves behind (the invitation flow is its own slice).
      await database.db.updateTable('agent').set({ password_hash: await hashPassword(password), status: 'active' }).where('id', '=', id).execute();
      await provisionSubscriber(database.db, sipUser, config.sipDomain, digestHashes(sipUser, config.sipDomain, password));
    },
    async close() {
      await app.close();
      await kamailio.stop();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
