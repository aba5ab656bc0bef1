import { sql, type Transaction } from 'kysely';
import { liveEventSchema, MAX_MISSED_EVENTS, type LiveEvent, type SequencedEvent } from '../../../common/schemas/workspace/live';
import type { Database } from '../../db/open-database';
import type { Schema } from '../../db/schema';
import type { Clock } from '../clock';

/** How long events stay replayable: an app offline for longer reloads everything (`resync-required`). */
export const EVENT_RETENTION_MS = 60 * 60_000;

/** An arbitrary constant naming the live log's append lock among PostgreSQL advisory locks. */
const APPEND_LOCK_KEY = 7_211_012;

/** Prune old events once every this many appends (a cheap indexed delete). */
const PRUNE_EVERY = 200;

/**
 * The push channel's log in the database (`live_event`), shared by every
 * replica: `seq` comes from the database, so "since N" means the same on
 * any replica and across restarts.
 */
export interface EventLog {
  /** Appends the events in one transaction; `inTransaction` runs in it last (PostgreSQL: NOTIFY, delivered at commit, in commit order). */
  append(events: readonly LiveEvent[], inTransaction?: (trx: Transaction<Schema>, lastSeq: number) => Promise<void>): Promise<void>;
  /** The newest sequence number (0 before the first event). */
  currentSeq(): Promise<number>;
  /** Events after `seq`, oldest first, at most `limit`. */
  after(seq: number, limit: number): Promise<SequencedEvent[]>;
  /** What an app that last saw `seq` missed — or that it is too far behind, or `seq` is not from this database. */
  since(seq: number): Promise<{ seq: number; missed: SequencedEvent[] } | { seq: number; resync: true }>;
}

export function createEventLog(database: Database, clock: Clock): EventLog {
  const { db } = database;
  let appends = 0;
  const currentSeq = async (executor: Pick<Transaction<Schema>, 'selectFrom'> = db) =>
    Number((await executor.selectFrom('live_event').select(sql<number>`coalesce(max(seq), 0)`.as('n')).executeTakeFirstOrThrow()).n);
  const after = async (seq: number, limit: number): Promise<SequencedEvent[]> => {
    const rows = await db.selectFrom('live_event').select(['seq', 'payload']).where('seq', '>', seq).orderBy('seq').limit(limit).execute();
    return rows.map((r) => ({ seq: Number(r.seq), event: liveEventSchema.parse(JSON.parse(r.payload)) }));
  };
  return {
    async append(events, inTransaction) {
      if (events.length === 0) return;
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        // Why a lock on PostgreSQL: two transactions can take sequence numbers 4 and 5 and
        // commit 5 first; an app that saw 5 and then asks "since 5" would never get 4.
        // Holding one lock from taking the number to the commit makes commit order the
        // seq order (SQLite has one writer anyway). Appends are one small insert.
        if (database.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${APPEND_LOCK_KEY})`.execute(trx);
        await trx
          .insertInto('live_event')
          .values(events.map((e) => ({ at, payload: JSON.stringify(e) })))
          .execute();
        if ((appends = (appends + 1) % PRUNE_EVERY) === 0) {
          // The newest row always stays: it is what tells "since N" from a database that is new.
          await trx
            .deleteFrom('live_event')
            .where('at', '<', at - EVENT_RETENTION_MS)
            .where('seq', '<', (eb) => eb.selectFrom('live_event').select(sql<number>`max(seq)`.as('m')))
            .execute();
        }
        await inTransaction?.(trx, await currentSeq(trx));
      });
    },
    currentSeq: () => currentSeq(),
    after,
    async since(seq) {
      const bounds = await db.selectFrom('live_event').select([sql<number>`coalesce(min(seq), 0)`.as('lo'), sql<number>`coalesce(max(seq), 0)`.as('hi')]).executeTakeFirstOrThrow();
      const [lo, hi] = [Number(bounds.lo), Number(bounds.hi)];
      // Ahead of the log: a database restored or replaced. Behind what is kept: pruned away.
      if (seq > hi || (seq < hi && seq + 1 < lo)) return { seq: hi, resync: true };
      const missed = await after(seq, MAX_MISSED_EVENTS + 1);
      if (missed.length > MAX_MISSED_EVENTS) return { seq: hi, resync: true };
      return { seq: Math.max(seq, missed.at(-1)?.seq ?? seq), missed };
    },
  };
}
