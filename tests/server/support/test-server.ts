import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/app';
import { loadConfig, type ServerConfig } from '../../../server/config';
import { openDatabase, type Dialect } from '../../../server/db/open-database';
import type { Clock } from '../../../server/services/clock';
import { createServerContext, type ServerContext, type ServerParts } from '../../../server/server-context';
import { createTestDatabase, type TestDatabase } from './databases';

/** A clock the test moves: invitations expire and tokens lapse without waiting. */
export interface TestClock extends Clock {
  advance(ms: number): void;
}

export function testClock(start = Date.UTC(2026, 11, 2, 9, 0, 0)): TestClock {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

export interface TestServer {
  app: FastifyInstance;
  context: ServerContext;
  db: TestDatabase;
  config: ServerConfig;
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * The real service on a fresh database of the given kind, not listening
 * (requests go through `app.inject`, the same routing, validation and
 * handlers as over the network).
 */
export async function startTestServer(
  dialect: Dialect,
  env: Record<string, string> = {},
  options: Pick<ServerParts, 'bindings' | 'confirmations' | 'mailer'> & { postgresUrl?: string } = {},
): Promise<TestServer> {
  const { postgresUrl, ...ports } = options;
  const db = await createTestDatabase(dialect, postgresUrl);
  const config = { ...loadConfig({ RINGDESK_SERVER_PORT: '0', ...env }, db.location.sqliteFile), sqliteFile: db.location.sqliteFile, databaseUrl: db.location.databaseUrl };
  const clock = testClock();
  // Errors from outside a request stay visible; the log mailer's lines (tests without an SMTP_URL) are not wanted.
  const log = { error: (details: object, message: string) => console.error(message, details), info: () => {} };
  const context = createServerContext({ database: db.database, config, clock, log, ...ports });
  const app = await buildServer(context);
  return {
    app,
    context,
    db,
    config,
    clock,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/**
 * A second replica of `server`: its own process-like set of parts (database
 * pool, event bus, push connections) on the same database — what a second
 * `npm run server` with the same DATABASE_URL would be.
 */
export async function startReplica(server: TestServer): Promise<{ app: FastifyInstance; context: ServerContext; close(): Promise<void> }> {
  const database = openDatabase({ databaseUrl: server.config.databaseUrl, sqliteFile: server.config.sqliteFile });
  const context = createServerContext({ database, config: server.config, clock: server.clock });
  const app = await buildServer(context);
  return {
    app,
    context,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
