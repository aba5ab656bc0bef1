import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../open-database';

/**
 * What the invitation service needs beyond 0001's `invitation` table:
 *
 * - `reason` and `requested_by`: why this link was made (first invitation,
 *   changed email, re-enabled, resent by an admin) and by whom — resends
 *   are rate-limited by counting `resent` rows, in the database so every
 *   replica counts the same.
 * - `revoked_at`: a newer invitation replaced this one. The row is kept
 *   (not deleted) so the old link can say "a newer invitation was sent"
 *   instead of "unknown link", and so the resend count survives.
 * - `sent_at`, `send_failed_at`, `send_error`: whether the mail went out.
 *   A failed send keeps the row and the agent; the admin resends.
 *
 * One column per ALTER: SQLite adds one column per statement.
 */
export function invitationDelivery(dialect: Dialect): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { up: (db: Kysely<any>) => up(db, dialect === 'postgres') };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>, postgres: boolean): Promise<void> {
  const ms = postgres ? 'bigint' : 'integer';
  await db.schema.alterTable('invitation').addColumn('reason', 'text', (c) => c.notNull().defaultTo('created')).execute();
  await db.schema.alterTable('invitation').addColumn('requested_by', 'text').execute();
  await db.schema.alterTable('invitation').addColumn('revoked_at', ms).execute();
  await db.schema.alterTable('invitation').addColumn('sent_at', ms).execute();
  await db.schema.alterTable('invitation').addColumn('send_failed_at', ms).execute();
  await db.schema.alterTable('invitation').addColumn('send_error', 'text').execute();
  await db.schema.createIndex('invitation_agent_created').on('invitation').columns(['agent_id', 'created_at']).execute();
}
