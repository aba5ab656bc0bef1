import { sql } from 'kysely';
import { AUDIT_REDACTED, type AuditPage, type AuditQuery, type AuditTarget } from '../../common/schemas/workspace/audit';
import type { Database } from '../db/open-database';
import type { TeamTransaction } from './team-writes';

/**
 * The audit trail: one row per changed field — who (agent id and address),
 * when, what (field, old and new value as JSON). Written in the same
 * transaction as the change, so the trail never misses a saved change nor
 * records one that was rolled back.
 */

/** Who made a change, as the trail keeps it (null agent: the system itself). */
export interface AuditActor {
  agentId: string | null;
  address: string;
}

export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/**
 * Fields whose values the trail must never hold: picture data is large and
 * personal, so the row says only that a picture was there. (Secrets —
 * passwords, hashes, tokens — are never part of an agent record passed here.)
 */
const REDACTED_FIELDS = new Set(['picture']);

/** The value as the trail stores it: redacted for pictures, snapshots with their picture redacted. */
export function auditValue(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (REDACTED_FIELDS.has(field)) return AUDIT_REDACTED;
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, REDACTED_FIELDS.has(k) && v !== null ? AUDIT_REDACTED : v]));
  }
  return value;
}

/**
 * The fields that differ between two versions of a record, with nested
 * objects (settings) compared leaf by leaf — `settings.notifications.missedCall`
 * — and arrays compared whole (`groupIds`, a day's office hours).
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    const field = `${prefix}${key}`;
    if (isPlainObject(a) && isPlainObject(b) && !REDACTED_FIELDS.has(key)) {
      changes.push(...changedFields(a, b, `${field}.`));
    } else if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) {
      changes.push({ field, oldValue: a ?? null, newValue: b ?? null });
    }
  }
  return changes;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rows per insert: well inside both engines' limits on bound parameters. */
const CHUNK = 500;

export async function recordChanges(trx: TeamTransaction, at: number, actor: AuditActor, target: { kind: AuditTarget; id: string }, changes: readonly FieldChange[]): Promise<void> {
  await recordEntries(trx, at, actor, changes.map((c) => ({ ...c, target })));
}

/** Changes to several records at once (a group's members), in as few inserts as the engines allow. */
export async function recordEntries(trx: TeamTransaction, at: number, actor: AuditActor, entries: readonly (FieldChange & { target: { kind: AuditTarget; id: string } })[]): Promise<void> {
  const rows = entries.map((c) => ({
    at,
    actor_id: actor.agentId,
    actor_address: actor.address,
    target_kind: c.target.kind,
    target_id: c.target.id,
    field: c.field,
    old_value: JSON.stringify(auditValue(c.field, c.oldValue)),
    new_value: JSON.stringify(auditValue(c.field, c.newValue)),
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('audit').values(rows.slice(i, i + CHUNK)).execute();
}

/** One page of a record's trail, newest first, with the actor's current name. */
export async function readAudit(database: Database, target: { kind: AuditTarget; id: string }, query: AuditQuery): Promise<AuditPage> {
  const where = database.db.selectFrom('audit').where('audit.target_kind', '=', target.kind).where('audit.target_id', '=', target.id);
  const [count, rows] = await Promise.all([
    where.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    where
      .leftJoin('agent', 'agent.id', 'audit.actor_id')
      .select(['audit.id', 'audit.at', 'audit.actor_id', 'audit.actor_address', 'audit.target_kind', 'audit.target_id', 'audit.field', 'audit.old_value', 'audit.new_value', 'agent.full_name'])
      .orderBy('audit.at', 'desc')
      .orderBy('audit.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { agentId: r.actor_id, fullName: r.full_name ?? null },
      address: r.actor_address,
      targetKind: r.target_kind,
      targetId: r.target_id,
      field: r.field,
      oldValue: parseJson(r.old_value),
      newValue: parseJson(r.new_value),
    })),
  };
}

function parseJson(text: string | null): AuditPageValue {
  if (text === null) return null;
  try {
    return JSON.parse(text) as AuditPageValue;
  } catch {
    return null;
  }
}

type AuditPageValue = AuditPage['entries'][number]['oldValue'];
