import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../open-database';

/**
 * The first schema: workspace, agents, groups, invitations, sessions,
 * throttling, audit — and Kamailio's subscriber / dbaliases tables with the
 * `version` rows Kamailio checks at start (subscriber 7, dbaliases 1, as in
 * Kamailio 5.6's own schema).
 *
 * Written with Kysely's schema builder so one migration serves SQLite and
 * PostgreSQL; the only difference is how an integer id counts itself.
 */
export function workspaceSchema(dialect: Dialect): Migration {
  // Migrations see an untyped database: they describe the schema, they do not use it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { up: (db: Kysely<any>) => up(db, dialect === 'postgres') };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>, postgres: boolean): Promise<void> {
  const serialId = postgres ? 'serial' : 'integer';
  const ms = postgres ? 'bigint' : 'integer';

  await db.schema
    .createTable('workspace')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sip_domain', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('extension', 'text', (c) => c.notNull().unique())
    .addColumn('sip_user', 'text', (c) => c.notNull().unique())
    .addColumn('personal_phone', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('picture', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('agent_full_name').on('agent').column('full_name').execute();

  await db.schema
    .createTable('agent_group')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('group_member')
    .addColumn('group_id', 'text', (c) => c.notNull().references('agent_group.id').onDelete('cascade'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agent.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_member_pk', ['group_id', 'agent_id'])
    .execute();
  await db.schema.createIndex('group_member_agent').on('group_member').column('agent_id').execute();

  await db.schema
    .createTable('invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agent.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .addColumn('used_at', ms)
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invitation_agent').on('invitation').column('agent_id').execute();

  await db.schema
    .createTable('refresh_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agent.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('family_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .addColumn('used_at', ms)
    .addColumn('revoked_at', ms)
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('refresh_token_family').on('refresh_token').column('family_id').execute();

  await db.schema
    .createTable('throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', ms, (c) => c.notNull())
    .addColumn('locked_until', ms)
    .execute();

  await db.schema
    .createTable('audit')
    .addColumn('id', serialId, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_address', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .execute();
  await db.schema.createIndex('audit_target').on('audit').columns(['target_id', 'at']).execute();

  await db.schema
    .createTable('server_secret')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // --- Kamailio's tables (names, columns and versions as Kamailio 5.6 expects) ---
  await db.schema
    .createTable('version')
    .addColumn('table_name', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('table_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('subscriber')
    .addColumn('id', serialId, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('username', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('domain', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('password', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('ha1', 'varchar(128)', (c) => c.notNull().defaultTo(''))
    .addColumn('ha1b', 'varchar(128)', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('subscriber_account_idx', ['username', 'domain'])
    .execute();
  await db.schema
    .createTable('dbaliases')
    .addColumn('id', serialId, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('alias_username', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('alias_domain', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('username', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('domain', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('dbaliases_target_idx', ['alias_username', 'alias_domain', 'username', 'domain'])
    .execute();
  await db.schema.createIndex('dbaliases_alias_idx').on('dbaliases').columns(['alias_username', 'alias_domain']).execute();
  await db
    .insertInto('version')
    .values([
      { table_name: 'subscriber', table_version: 7 },
      { table_name: 'dbaliases', table_version: 1 },
    ])
    .execute();
}
