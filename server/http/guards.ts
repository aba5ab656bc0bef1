import type { FastifyRequest } from 'fastify';
import type { AgentRole } from '../../common/schemas/workspace/agent';
import type { Database } from '../db/open-database';
import type { AccessTokens } from '../services/access-tokens';
import { Refusal } from './refusal';

/** Who is asking, read fresh from the database on every request. */
export interface Actor {
  agentId: string;
  fullName: string;
  role: AgentRole;
  /** The client's address (X-Forwarded-For behind a trusted proxy): rate limits and the audit trail. */
  address: string;
}

export interface Guards {
  /** Any signed-in, active agent; 401 otherwise. */
  agent(request: FastifyRequest): Promise<Actor>;
  /** Administrator or Owner; a Basic agent gets 403 — enforced here, not by hiding buttons. */
  admin(request: FastifyRequest): Promise<Actor>;
}

export function createGuards(database: Database, tokens: AccessTokens): Guards {
  const agent = async (request: FastifyRequest): Promise<Actor> => {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer ([\w.-]+)$/.exec(header)?.[1];
    const agentId = token ? await tokens.verify(token) : null;
    if (!agentId) throw new Refusal('unauthorized');
    const row = await database.db.selectFrom('agent').select(['id', 'full_name', 'role', 'status']).where('id', '=', agentId).executeTakeFirst();
    if (!row) throw new Refusal('unauthorized');
    if (row.status === 'disabled') throw new Refusal('account-disabled');
    if (row.status !== 'active') throw new Refusal('unauthorized');
    return { agentId: row.id, fullName: row.full_name, role: row.role, address: request.ip };
  };
  return {
    agent,
    async admin(request) {
      const actor = await agent(request);
      if (actor.role === 'basic') throw new Refusal('forbidden');
      return actor;
    },
  };
}
