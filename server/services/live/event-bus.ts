import pg from 'pg';
import type { LiveEvent, SequencedEvent } from '../../../common/schemas/workspace/live';
import type { Database } from '../../db/open-database';
import type { Clock } from '../clock';
import type { ServiceLog } from '../team-writes';
import { createEventLog, type EventLog } from './event-log';

/** What a team service needs to announce a committed change. */
export interface LivePublisher {
  publish(events: readonly LiveEvent[]): Promise<void>;
}

/**
 * The team's changes, fanned out to every replica's connected apps. Each
 * event is appended to the shared log (its `seq`), then every replica's
 * subscribers get it once, in `seq` order.
 *
 *   publish ──► live_event (seq) ──► wake every replica ──► each reads the log after
 *                                    in-process: at once     what it dispatched last,
 *                                    PostgreSQL: NOTIFY      in order, to its listeners
 *
 * Reading the log, rather than trusting what the wake-up carries, means a
 * lost or coalesced notification costs nothing: the next one catches up.
 */
export interface EventBus extends LivePublisher {
  /** Resolves once this replica hears events (PostgreSQL: its LISTEN is in place). */
  ready(): Promise<void>;
  /** Hears every event published from now on (on any replica). */
  subscribe(listener: (event: SequencedEvent) => void): () => void;
  readonly log: EventLog;
  close(): Promise<void>;
}

/** The NOTIFY channel every replica LISTENs on. */
export const LIVE_CHANNEL = 'ringdesk_live';

/** How long a replica waits before listening again after its LISTEN connection broke. */
const RELISTEN_MS = 1_000;

/**
 * The bus for the database in use: in-process on SQLite (one process owns
 * the file), LISTEN/NOTIFY on PostgreSQL (any number of replicas).
 */
export function createEventBus(database: Database, parts: { clock: Clock; log: ServiceLog; databaseUrl: string | undefined }): EventBus {
  if (database.dialect === 'postgres') {
    if (!parts.databaseUrl) throw new Error('the PostgreSQL event bus needs DATABASE_URL');
    return postgresEventBus(database, { ...parts, databaseUrl: parts.databaseUrl });
  }
  return inProcessEventBus(database, parts);
}

/** Delivers events after `dispatched`, in order; a wake-up during a run makes one more run. */
function dispatcher(log: EventLog, onError: (err: unknown) => void) {
  const listeners = new Set<(event: SequencedEvent) => void>();
  // Subscribers hear what is published from the start on, not the log's history.
  const started = log.currentSeq();
  let dispatched = 0;
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    dispatched = Math.max(dispatched, await started);
    do {
      again = false;
      for (;;) {
        const batch = await log.after(dispatched, 500);
        for (const event of batch) {
          dispatched = event.seq;
          for (const listener of listeners) {
            try {
              listener(event);
            } catch (err) {
              onError(err);
            }
          }
        }
        if (batch.length < 500) break;
      }
    } while (again);
  };
  return {
    listeners,
    started: started.then(() => undefined),
    wake(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = run()
        .catch(onError)
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}

export function inProcessEventBus(database: Database, parts: { clock: Clock; log: ServiceLog }): EventBus {
  const log = createEventLog(database, parts.clock);
  const d = dispatcher(log, (err) => parts.log.error({ err }, 'live events: dispatch failed'));
  return {
    log,
    ready: () => d.started,
    async publish(events) {
      await d.started;
      await log.append(events);
      await d.wake();
    },
    subscribe(listener) {
      d.listeners.add(listener);
      return () => void d.listeners.delete(listener);
    },
    async close() {
      d.listeners.clear();
    },
  };
}

export function postgresEventBus(database: Database, parts: { clock: Clock; log: ServiceLog; databaseUrl: string }): EventBus {
  const log = createEventLog(database, parts.clock);
  const d = dispatcher(log, (err) => parts.log.error({ err }, 'live events: dispatch failed'));
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const again = () => {
    if (!closed) retry = setTimeout(listen, RELISTEN_MS);
  };
  const lost = (c: pg.Client, err: unknown) => {
    if (closed) return;
    parts.log.error({ err }, 'live events: LISTEN connection lost; listening again');
    void c.end().catch(() => undefined);
    if (client === c) client = null;
    again();
  };
  /** Listens on a connection of its own (a pooled one would be handed to queries); again after it breaks. */
  function listen(): void {
    const c = new pg.Client({ connectionString: parts.databaseUrl });
    client = c;
    c.on('notification', () => void d.wake());
    c.on('error', (err) => lost(c, err));
    listening = c
      .connect()
      .then(() => c.query(`LISTEN ${LIVE_CHANNEL}`))
      .then(() => void d.wake()) // whatever was published while nobody listened
      .catch((err: unknown) => lost(c, err));
  }
  let listening: Promise<void> = Promise.resolve();
  listen();
  return {
    log,
    ready: async () => {
      await d.started;
      await listening;
    },
    async publish(events) {
      await d.started;
      // NOTIFY in the appending transaction: sent at commit, so no replica wakes before the rows are visible.
      await log.append(events, async (trx, lastSeq) => {
        await trx.selectNoFrom((eb) => eb.fn('pg_notify', [eb.val(LIVE_CHANNEL), eb.val(String(lastSeq))]).as('n')).execute();
      });
    },
    subscribe(listener) {
      d.listeners.add(listener);
      return () => void d.listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      d.listeners.clear();
      await listening;
      await client?.end().catch(() => undefined);
    },
  };
}
