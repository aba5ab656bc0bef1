import type { ServerConfig } from './config';
import type { Database } from './db/open-database';
import { createGuards, type Guards } from './http/guards';
import { createAccessTokens, type AccessTokens } from './services/access-tokens';
import type { Clock } from './services/clock';
import type { ConfirmationRequests } from './services/confirmation-requests';
import { defaultLiveBindings, type LiveBindings } from './services/live-bindings';

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
  /** The SIP server's live registrations: dropped when an agent is removed or disabled. */
  bindings: LiveBindings;
  /** Asks a pending agent to confirm its email (the invitation service); unset until it exists. */
  confirmations: ConfirmationRequests | undefined;
}

export function createServerContext(parts: { database: Database; config: ServerConfig; clock: Clock; bindings?: LiveBindings; confirmations?: ConfirmationRequests }): ServerContext {
  const tokens = createAccessTokens(parts.database, parts.clock);
  return {
    database: parts.database,
    config: parts.config,
    clock: parts.clock,
    tokens,
    guards: createGuards(parts.database, tokens),
    bindings: parts.bindings ?? defaultLiveBindings(parts.config),
    confirmations: parts.confirmations,
  };
}
