import { sipUserFor } from '../../../server/services/sip-provisioning';
import { randomUUID } from 'node:crypto';
import { defaultAgentSettings, type AgentRole, type AgentStatus } from '../../../common/schemas/workspace/agent';
import type { TestServer } from './test-server';

export interface SeededAgent {
  id: string;
  email: string;
  extension: string;
  sipUser: string;
  role: AgentRole;
  /** A valid access token for this agent (null for agents who cannot sign in). */
  token: string;
}

export interface SeededWorkspace {
  owner: SeededAgent;
  groupId: string;
}

/**
 * Rows for a workspace with its Owner and one group, written straight to
 * the database — for tests of routes that need someone signed in, without
 * going through sign-in each time (sign-in has its own tests).
 */
export async function seedWorkspace(server: TestServer, name = 'Acme Support'): Promise<SeededWorkspace> {
  const now = server.clock.now();
  await server.db.database.db.insertInto('workspace').values({ id: randomUUID(), name, sip_domain: server.config.sipDomain, time_zone: 'Europe/London', created_at: now }).execute();
  const groupId = randomUUID();
  await server.db.database.db.insertInto('agent_group').values({ id: groupId, name: 'Everyone', number: null, version: 1, created_at: now, updated_at: now, updated_by: null }).execute();
  const owner = await seedAgent(server, { role: 'owner', groupId, email: 'owner@example.com', extension: '100', fullName: 'Olivia Owner' });
  return { owner, groupId };
}

let counter = 0;

/** One agent row (active unless told) in the given group, with an access token. */
export async function seedAgent(
  server: TestServer,
  options: { role: AgentRole; groupId: string; status?: AgentStatus; email?: string; extension?: string; fullName?: string },
): Promise<SeededAgent> {
  counter += 1;
  const now = server.clock.now();
  const id = randomUUID();
  const extension = options.extension ?? String(200 + counter);
  const email = options.email ?? `agent${counter}@example.com`;
  const sipUser = sipUserFor(id);
  await server.db.database.db
    .insertInto('agent')
    .values({
      id,
      email,
      full_name: options.fullName ?? `Agent ${counter}`,
      extension,
      sip_user: sipUser,
      personal_phone: null,
      role: options.role,
      status: options.status ?? 'active',
      password_hash: null,
      picture: null,
      settings: JSON.stringify(defaultAgentSettings('Europe/London')),
      version: 1,
      created_at: now,
      updated_at: now,
      updated_by: null,
    })
    .execute();
  await server.db.database.db.insertInto('group_member').values({ group_id: options.groupId, agent_id: id }).execute();
  const { token } = await server.context.tokens.issue(id);
  return { id, email, extension, sipUser, role: options.role, token };
}

/** A group row (no members), straight to the database. */
export async function seedGroup(server: TestServer, options: { name: string; number?: string | null }): Promise<string> {
  const now = server.clock.now();
  const id = randomUUID();
  await server.db.database.db.insertInto('agent_group').values({ id, name: options.name, number: options.number ?? null, version: 1, created_at: now, updated_at: now, updated_by: null }).execute();
  return id;
}

export interface SeededTeam {
  groupIds: string[];
  /** Agent ids in insertion order; agent i is "Teammate i" with email teammate<i>@example.com and extension 10000+i. */
  agentIds: string[];
}

/**
 * A big team in a few multi-row inserts (one per 1,000 rows, inside both
 * engines' limits on bound parameters): `agents` agents spread over
 * `groups` groups, agent i in group i mod groups. Every 7th is an
 * Administrator, every 5th pending.
 */
export async function seedTeam(server: TestServer, options: { agents: number; groups: number }): Promise<SeededTeam> {
  const db = server.db.database.db;
  const now = server.clock.now();
  const settings = JSON.stringify(defaultAgentSettings('Europe/London'));
  const groups = Array.from({ length: options.groups }, (_, g) => ({ id: randomUUID(), name: `Team ${String(g).padStart(3, '0')}`, number: String(7000 + g), version: 1, created_at: now, updated_at: now, updated_by: null }));
  const agents = Array.from({ length: options.agents }, (_, i) => {
    const id = randomUUID();
    return {
      id,
      email: `teammate${i}@example.com`,
      full_name: `Teammate ${i}`,
      extension: String(10000 + i),
      sip_user: sipUserFor(id),
      personal_phone: null,
      role: (i % 7 === 0 ? 'admin' : 'basic') as AgentRole,
      status: (i % 5 === 0 ? 'pending' : 'active') as AgentStatus,
      password_hash: null,
      picture: null,
      settings,
      version: 1,
      created_at: now,
      updated_at: now,
      updated_by: null,
    };
  });
  const members = agents.map((a, i) => ({ group_id: groups[i % options.groups]!.id, agent_id: a.id }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < groups.length; i += 1000) await trx.insertInto('agent_group').values(groups.slice(i, i + 1000)).execute();
    for (let i = 0; i < agents.length; i += 1000) await trx.insertInto('agent').values(agents.slice(i, i + 1000)).execute();
    for (let i = 0; i < members.length; i += 1000) await trx.insertInto('group_member').values(members.slice(i, i + 1000)).execute();
  });
  return { groupIds: groups.map((g) => g.id), agentIds: agents.map((a) => a.id) };
}
