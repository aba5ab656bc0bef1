import type { ServerConfig } from './config';
import type { Database } from './db/open-database';
import { createGuards, type Guards } from './http/guards';
import { createAccessTokens, type AccessTokens } from './services/access-tokens';
import type { Clock } from './services/clock';
import type { ConfirmationRequests } from './services/confirmation-requests';
import { defaultLiveBindings, type LiveBindings } from './services/live-bindings';
import { createEventBus, type EventBus } from './services/live/event-bus';
import { LiveHub } from './services/live/live-hub';
import type { ServiceLog } from './services/team-writes';

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
  /** The team's changes, to every replica (in-process on SQLite, LISTEN/NOTIFY on PostgreSQL). */
  bus: EventBus;
  /** This replica's push connections (`GET /api/v1/live`). */
  live: LiveHub;
}

export function createServerContext(parts: { database: Database; config: ServerConfig; clock: Clock; bindings?: LiveBindings; confirmations?: ConfirmationRequests; log?: ServiceLog }): ServerContext {
  const tokens = createAccessTokens(parts.database, parts.clock);
  const log = parts.log ?? { error: (details, message) => console.error(message, details) };
  const bus = createEventBus(parts.database, { clock: parts.clock, log, databaseUrl: parts.config.databaseUrl });
  return {
    bus,
    live: new LiveHub({ database: parts.database, bus, tokens, clock: parts.clock, log }),
    database: parts.database,
    config: parts.config,
    clock: parts.clock,
    tokens,
    guards: createGuards(parts.database, tokens),
    bindings: parts.bindings ?? defaultLiveBindings(parts.config),
    confirmations: parts.confirmations,
  };
}
