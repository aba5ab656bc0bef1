import { sql, type Transaction } from 'kysely';
import type { FieldProblem } from '../../common/schemas/field-errors';
import type { ServerConfig } from '../config';
import type { Database } from '../db/open-database';
import type { Schema } from '../db/schema';
import { uniqueViolation } from '../db/unique-violations';
import { fieldRefusal, type Refusal } from '../http/refusal';
import type { Clock } from './clock';
import type { ConfirmationRequest, ConfirmationRequests } from './confirmation-requests';
import type { LiveEvent } from '../../common/schemas/workspace/live';
import type { LiveBindings } from './live-bindings';
import type { LivePublisher } from './live/event-bus';

/** Where services report failures that must not fail the request (after the commit). */
export interface ServiceLog {
  error(details: object, message: string): void;
}

/** What the agent and group services need: the database and the ports they call after a commit. */
export interface TeamDeps {
  database: Database;
  config: Pick<ServerConfig, 'sipDomain'>;
  clock: Clock;
  bindings: LiveBindings;
  /** The invitation service (services/invitations.ts); unset, agents simply stay pending. */
  confirmations: ConfirmationRequests | undefined;
  /** Connected apps hear of the change (agents, groups: ids and versions). */
  live: LivePublisher;
  log: ServiceLog;
}

export type TeamTransaction = Transaction<Schema>;

/** Side effects outside the database, run once the change is committed. */
export interface AfterCommit {
  dropBindings(sipUser: string): void;
  requestConfirmation(event: ConfirmationRequest): void;
  /** Tells connected apps, once committed (services/live-announcements.ts says what to announce). */
  announce(...events: LiveEvent[]): void;
}

/**
 * Runs one change to the team (agents, groups, memberships, Kamailio's rows)
 * as one transaction holding the team's write lock, then its side effects.
 *
 * Why one lock: the rules span rows ("exactly one Owner", "every agent keeps
 * a group", "an extension is not a group number") and PostgreSQL's default
 * isolation would let two concurrent changes each pass their checks and
 * together break the rule. Team edits are rare and short, so serialising
 * them costs nothing users notice, and every check inside is then exact.
 * The unique constraints still back email, extension, group name and
 * number: a writer that skips the lock gets the same field error.
 *
 * Side effects (dropping SIP bindings, asking for a confirmation email)
 * never fail the change: it is saved, so the caller hears so; a failure is
 * logged, and the SIP rows are already gone either way.
 */
export async function writeTeam<T>(deps: TeamDeps, work: (trx: TeamTransaction, after: AfterCommit) => Promise<T>): Promise<T> {
  const effects: Array<{ what: string; run: () => Promise<void> }> = [];
  const announced: LiveEvent[] = [];
  const after: AfterCommit = {
    announce: (...events) => void announced.push(...events),
    dropBindings: (sipUser) => void effects.push({ what: 'dropping SIP bindings', run: () => deps.bindings.drop(sipUser) }),
    requestConfirmation: (event) => {
      const confirmations = deps.confirmations;
      if (confirmations) effects.push({ what: 'asking for an email confirmation', run: () => confirmations.request(event) });
    },
  };
  let result: T;
  try {
    result = await deps.database.db.transaction().execute(async (trx) => {
      await lockTeam(trx, deps.database.dialect);
      return work(trx, after);
    });
  } catch (error) {
    throw refusalForUniqueViolation(error) ?? error;
  }
  // After the other effects' queueing, before running them: apps hear of the change at once.
  if (announced.length > 0) effects.unshift({ what: 'telling connected apps', run: () => deps.live.publish(collapse(announced)) });
  for (const effect of effects) {
    try {
      await effect.run();
    } catch (err) {
      deps.log.error({ err }, `team change saved, but ${effect.what} failed`);
    }
  }
  return result;
}

/** Past this many events one change is announced as one `resync` (a group of 2,000 renamed, say). */
export const MAX_EVENTS_PER_CHANGE = 100;

/** One event per thing (the last word wins), or one resync hint when a change moved too much. */
function collapse(events: readonly LiveEvent[]): LiveEvent[] {
  const byThing = new Map<string, LiveEvent>();
  for (const e of events) {
    const key = 'agentId' in e ? `agent:${e.agentId}` : 'groupId' in e ? `group:${e.groupId}` : e.type;
    byThing.delete(key); // keep the order of the last word
    byThing.set(key, e);
  }
  return byThing.size > MAX_EVENTS_PER_CHANGE ? [{ type: 'resync', scope: 'team' }] : [...byThing.values()];
}

/** Throws the field refusal when `problems` names any field. */
export function refuseFields(problems: Partial<Record<string, FieldProblem>>): void {
  const fields = Object.fromEntries(Object.entries(problems).filter((e): e is [string, FieldProblem] => e[1] !== undefined));
  if (Object.keys(fields).length > 0) throw fieldRefusal(fields);
}

const FIELD_OF_CONSTRAINT: Record<string, { field: string; problem: FieldProblem }> = {
  'agent.email': { field: 'email', problem: 'email-taken' },
  'agent.extension': { field: 'extension', problem: 'extension-taken' },
  'agent_group.name': { field: 'name', problem: 'group-name-taken' },
  'agent_group.number': { field: 'number', problem: 'group-number-taken' },
};

/** A broken unique constraint of ours, as the field error the in-transaction check would have given. */
export function refusalForUniqueViolation(error: unknown): Refusal | null {
  const violation = uniqueViolation(error);
  if (!violation) return null;
  const known = violation.columns.map((c) => FIELD_OF_CONSTRAINT[`${violation.table}.${c}`]).find((k) => k !== undefined);
  return known ? fieldRefusal({ [known.field]: known.problem }) : null;
}

/** An arbitrary constant naming the team's write lock among PostgreSQL advisory locks. */
const TEAM_LOCK_KEY = 7_211_011;

async function lockTeam(trx: TeamTransaction, dialect: Database['dialect']): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(${TEAM_LOCK_KEY})`.execute(trx);
    return;
  }
  // SQLite: one writer at a time already, but a transaction that reads first
  // and writes later can fail with SQLITE_BUSY against another process (a
  // second replica on the same file). A write as the first statement — even
  // one that changes no row — takes the write lock now, waiting up to the
  // busy timeout, like BEGIN IMMEDIATE.
  await sql`update workspace set id = id where 0 = 1`.execute(trx);
}
