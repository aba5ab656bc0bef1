import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * Kamailio 5.6's usrloc tables, `location` and `location_attrs`, with its own
 * columns, indexes and versions (9 and 1) — the schema `kamdbctl` makes
 * (usrloc-create.sql). Kamailio writes them (write-through, `db_mode 1`); the
 * service only reads `location.username`.
 *
 * Where they live: on PostgreSQL in the workspace database (migration 0003);
 * on SQLite in a file of their own that only Kamailio writes
 * (location-file.ts), with its own `version` table, because Kamailio's
 * db_sqlite has no busy timeout and must never meet the service's write lock.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createUsrlocTables(db: Kysely<any>, postgres: boolean): Promise<void> {
  const serialId = postgres ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement());
  const timestamp = sql`TIMESTAMP WITHOUT TIME ZONE`;
  await db.schema
    .createTable('location')
    .addColumn('id', serialId, pk)
    .addColumn('ruid', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('username', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('domain', 'varchar(64)', (c) => c.defaultTo(null))
    .addColumn('contact', 'varchar(512)', (c) => c.notNull().defaultTo(''))
    .addColumn('received', 'varchar(128)', (c) => c.defaultTo(null))
    .addColumn('path', 'varchar(512)', (c) => c.defaultTo(null))
    .addColumn('expires', timestamp, (c) => c.notNull().defaultTo('2030-05-28 21:32:15'))
    .addColumn('q', 'real', (c) => c.notNull().defaultTo(1.0))
    .addColumn('callid', 'varchar(255)', (c) => c.notNull().defaultTo('Default-Call-ID'))
    .addColumn('cseq', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_modified', timestamp, (c) => c.notNull().defaultTo('2000-01-01 00:00:01'))
    .addColumn('flags', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cflags', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('user_agent', 'varchar(255)', (c) => c.notNull().defaultTo(''))
    .addColumn('socket', 'varchar(64)', (c) => c.defaultTo(null))
    .addColumn('methods', 'integer', (c) => c.defaultTo(null))
    .addColumn('instance', 'varchar(255)', (c) => c.defaultTo(null))
    .addColumn('reg_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('server_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('connection_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('keepalive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('partition', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('location_ruid_idx', ['ruid'])
    .execute();
  await db.schema.createIndex('location_account_contact_idx').on('location').columns(['username', 'domain', 'contact']).execute();
  await db.schema.createIndex('location_expires_idx').on('location').column('expires').execute();
  await db.schema.createIndex('location_tcpcon_idx').on('location').column('connection_id').execute();
  await db.schema.createIndex('location_connection_idx').on('location').columns(['server_id', 'connection_id']).execute();

  await db.schema
    .createTable('location_attrs')
    .addColumn('id', serialId, pk)
    .addColumn('ruid', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('username', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('domain', 'varchar(64)', (c) => c.defaultTo(null))
    .addColumn('aname', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('atype', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('avalue', 'varchar(512)', (c) => c.notNull().defaultTo(''))
    .addColumn('last_modified', timestamp, (c) => c.notNull().defaultTo('2000-01-01 00:00:01'))
    .execute();
  await db.schema.createIndex('location_attrs_account_record_idx').on('location_attrs').columns(['username', 'domain', 'ruid']).execute();
  await db.schema.createIndex('location_attrs_last_modified_idx').on('location_attrs').column('last_modified').execute();

  await db
    .insertInto('version')
    .values([
      { table_name: 'location', table_version: 9 },
      { table_name: 'location_attrs', table_version: 1 },
    ])
    .execute();
}
