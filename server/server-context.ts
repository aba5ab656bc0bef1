import type { ServerConfig } from './config';
import type { Database } from './db/open-database';
import { createGuards, type Guards } from './http/guards';
import { logMailer, type Mailer } from './mail/mailer';
import { smtpMailer } from './mail/smtp-mailer';
import { createAccessTokens, type AccessTokens } from './services/access-tokens';
import type { Clock } from './services/clock';
import type { ConfirmationRequests } from './services/confirmation-requests';
import { createInvitationService, type InvitationService } from './services/invitations';
import { defaultLiveBindings, type LiveBindings } from './services/live-bindings';
import { createEventBus, type EventBus } from './services/live/event-bus';
import { trackConnections, type ConnectionPresence } from './services/live/connection-presence';
import { LiveHub } from './services/live/live-hub';
import { watchRegistrations, type RegistrationWatch } from './services/registration-watch';
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
  /** Asks a pending agent to confirm its email: the invitation service unless a test gives its own. */
  confirmations: ConfirmationRequests | undefined;
  /** Invitation links: resend, look, accept. */
  invitations: InvitationService;
  /** The team's changes, to every replica (in-process on SQLite, LISTEN/NOTIFY on PostgreSQL). */
  bus: EventBus;
  /** This replica's push connections (`GET /api/v1/live`). */
  live: LiveHub;
  /** This replica's connections in the database: presence turns Offline when an app is gone past the grace. */
  connections: ConnectionPresence;
  /** Reads Kamailio's `location` every second and announces registration changes. */
  registrations: RegistrationWatch;
}

export interface ServerParts {
  database: Database;
  config: ServerConfig;
  clock: Clock;
  bindings?: LiveBindings;
  /** Replaces the invitation service as the port the team services call (tests that record requests). */
  confirmations?: ConfirmationRequests;
  /** Where invitations go: SMTP when SMTP_URL is set, otherwise the log ({@link mailerFor}). */
  mailer?: Mailer;
  /** For what happens outside a request (the log mailer); the console when not given. */
  log?: ServiceLog & { info(line: string): void };
}

const consoleLog = { error: (details: object, message: string) => console.error(message, details), info: (line: string) => console.log(line) };

export function createServerContext(parts: ServerParts): ServerContext {
  const tokens = createAccessTokens(parts.database, parts.clock);
  const log = parts.log ?? consoleLog;
  const bus = createEventBus(parts.database, { clock: parts.clock, log, databaseUrl: parts.config.databaseUrl });
  const invitations = createInvitationService({ database: parts.database, config: parts.config, clock: parts.clock, mailer: parts.mailer ?? mailerFor(parts.config, log), log, live: bus });
  const connections = trackConnections({ database: parts.database, clock: parts.clock, live: bus, log, graceMs: parts.config.presence.graceMs, intervalMs: parts.config.presence.tickMs });
  return {
    bus,
    live: new LiveHub({ database: parts.database, bus, tokens, clock: parts.clock, log, connections }),
    connections,
    registrations: watchRegistrations({ database: parts.database, clock: parts.clock, live: bus, log }),
    database: parts.database,
    config: parts.config,
    clock: parts.clock,
    tokens,
    guards: createGuards(parts.database, tokens),
    bindings: parts.bindings ?? defaultLiveBindings(parts.config),
    confirmations: parts.confirmations ?? invitations,
    invitations,
  };
}

/** Real mail over SMTP when SMTP_URL is set; with nothing configured, each message (and its link) is logged. */
export function mailerFor(config: Pick<ServerConfig, 'smtpUrl' | 'mailFrom'>, log: { info(line: string): void }): Mailer {
  return config.smtpUrl ? smtpMailer({ url: config.smtpUrl, from: config.mailFrom }) : logMailer((line) => log.info(line));
}
