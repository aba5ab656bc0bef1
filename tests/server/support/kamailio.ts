import { onTestFailed } from 'vitest';
import { startKamailio, type KamailioHandle } from '../../support/kamailio/kamailio.mjs';
import type { TestDatabase } from './databases';

/**
 * A Kamailio running the shipped config (server/kamailio/kamailio.cfg) on the
 * test's workspace database — the SQLite file or the PostgreSQL database the
 * service writes; on SQLite writing its registrations to the location file
 * the service made beside it — with temp ports, challenging INVITEs as in production.
 */
export function startWorkspaceKamailio(db: TestDatabase, domain: string): Promise<KamailioHandle> {
  const { databaseUrl, sqliteFile, locationFile } = db.location;
  return startKamailio({ database: databaseUrl ? { postgresUrl: databaseUrl } : { sqliteFile, locationFile }, domain, inviteAuth: true });
}

/** Call inside a test: if it fails, the end of Kamailio's log goes to the output. */
export function showKamailioLogOnFailure(kamailio: KamailioHandle): void {
  onTestFailed(async () => {
    const tail = (await kamailio.logText()).trimEnd().split('\n').slice(-40).join('\n');
    console.error(`--- kamailio.log (last lines) ---\n${tail}`);
  });
}
