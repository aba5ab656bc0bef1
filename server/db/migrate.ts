import { Migrator, type Migration } from 'kysely';
import { workspaceSchema } from './migrations/0001-workspace';
import { invitationDelivery } from './migrations/0002-invitations';
import { statusSchema } from './migrations/0003-status';
import { liveConnections } from './migrations/0004-live-connections';
import { locationFile } from './migrations/0005-location-file';
import { migrateLocationFile } from './location-file';
import type { Database, Dialect } from './open-database';

/** Every migration in order; names sort, and a name never changes once shipped. */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-workspace': workspaceSchema(dialect),
    '0002-invitations': invitationDelivery(dialect),
    '0003-status': statusSchema(dialect),
    '0004-live-connections': liveConnections(dialect),
    '0005-location-file': locationFile(dialect),
  };
}

/**
 * Brings the database to the latest schema. Safe to run at every start and
 * from several replicas at once (Kysely takes a lock table on both dialects).
 * Throws with the failing migration's name so the operator knows where.
 * On SQLite it migrates Kamailio's location file too (location-file.ts).
 */
export async function migrateToLatest(database: Database): Promise<void> {
  const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations(database.dialect) } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed on ${database.location}: ${message}`);
  }
  if (database.locationFile) await migrateLocationFile(database.locationFile);
}
