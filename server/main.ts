import fs from 'node:fs';
import { buildServer } from './app';
import { loadConfig } from './config';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/open-database';
import { createServerContext } from './server-context';
import { systemClock } from './services/clock';

/**
 * `npm run server` — the workspace service on SQLite (or PostgreSQL with
 * DATABASE_URL), migrated to the latest schema at start.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, process.cwd());
  const database = openDatabase(config);
  await migrateToLatest(database);
  // Read at start so a wrong path fails now, with the file named, not at the first request.
  const https = config.tls ? { cert: fs.readFileSync(config.tls.certFile), key: fs.readFileSync(config.tls.keyFile) } : undefined;
  const app = await buildServer(createServerContext({ database, config, clock: systemClock }), { logger: true, ...(https ? { https } : {}) });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ host: config.host, port: config.port });
  console.log(`Ringdesk workspace on ${config.publicUrl} (${database.dialect}: ${database.location})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
