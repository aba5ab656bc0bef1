import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { AgentStatus } from '../../../common/schemas/workspace/agent';
import { sessionSchema, type Session, type WorkspaceCreate } from '../../../common/schemas/workspace/auth';
import type { Schema } from '../../../server/db/schema';
import { hashPassword } from '../../../server/services/passwords';
import { digestHashes, provisionSubscriber } from '../../../server/services/sip-provisioning';
import { seedAgent, type SeededAgent } from './seed';
import type { TestServer } from './test-server';

export const OWNER_PASSWORD = 'tr0ub4dor&3-horse';

/** What the first admin types on the welcome screen. */
export function workspaceForm(overrides: Partial<WorkspaceCreate['owner']> & { name?: string; timeZone?: string } = {}): WorkspaceCreate {
  const { name = 'Acme Support', timeZone, ...owner } = overrides;
  return {
    name,
    owner: { email: 'olivia@example.com', fullName: 'Olivia Owner', extension: '100', password: OWNER_PASSWORD, ...owner },
    ...(timeZone ? { timeZone } : {}),
  };
}

export function post(server: TestServer, url: string, payload: unknown, options: { remoteAddress?: string; token?: string } = {}): Promise<LightMyRequestResponse> {
  return server.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
}

/** Creates the workspace through the API, as the app does, and returns the Owner's session. */
export async function createTeam(server: TestServer, form: WorkspaceCreate = workspaceForm()): Promise<Session> {
  const res = await post(server, '/api/v1/workspace', form);
  if (res.statusCode !== 201) throw new Error(`workspace creation answered ${res.statusCode}: ${res.body}`);
  return sessionSchema.parse(res.json());
}

/** An agent with a password and SIP credentials, as an accepted invitation leaves it (the invitation flow is another slice). */
export async function agentWithPassword(server: TestServer, groupId: string, password: string, status: AgentStatus = 'active'): Promise<SeededAgent> {
  const agent = await seedAgent(server, { role: 'basic', groupId, status });
  const { db } = server.db.database;
  await db.updateTable('agent').set({ password_hash: await hashPassword(password) }).where('id', '=', agent.id).execute();
  await provisionSubscriber(db, agent.sipUser, server.config.sipDomain, digestHashes(agent.sipUser, server.config.sipDomain, password));
  return agent;
}

const TABLES = ['workspace', 'agent', 'agent_group', 'group_member', 'invitation', 'refresh_token', 'audit', 'subscriber', 'dbaliases'] as const satisfies readonly (keyof Schema)[];

/** Rows per table: compared before and after a refused request to show nothing was written. */
export async function rowCounts(server: Pick<TestServer, 'db'>): Promise<Record<(typeof TABLES)[number], number>> {
  const db = server.db.database.db;
  const entries = await Promise.all(TABLES.map(async (t) => [t, Number((await db.selectFrom(t).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n)] as const));
  return Object.fromEntries(entries) as Record<(typeof TABLES)[number], number>;
}
