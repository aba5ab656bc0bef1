import type { ServerConfig } from './config';
import type { Database } from './db/open-database';
import { createGuards, type Guards } from './http/guards';
import { createAccessTokens, type AccessTokens } from './services/access-tokens';
import type { Clock } from './services/clock';

/**
 * What every route and service of one server process shares. Stateless on
 * purpose: all state is in the database, so replicas behind a load balancer
 * agree.
 */
export interface ServerContext {
  database: Database;
  config: ServerConfig;
  clock: Clock;
  tokens: AccessTokens;
  guards: Guards;
}

export function createServerContext(parts: { database: Database; config: ServerConfig; clock: Clock }): ServerContext {
  const tokens = createAccessTokens(parts.database, parts.clock);
  return { ...parts, tokens, guards: createGuards(parts.database, tokens) };
}
