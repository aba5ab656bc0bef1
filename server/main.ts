import fs from 'node:fs';
import { buildServer } from './app';
import { runInit } from './cli/init';
import { loadConfig } from './config';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/open-database';
import { createServerContext } from './server-context';
import { systemClock } from './services/clock';

/**
 * `npm run server` — the workspace service on SQLite (or PostgreSQL with
 * DATABASE_URL), migrated to the latest schema at start.
 * `npm run server -- init` creates the workspace from the command line instead.
 */
async function serve(): Promise<void> {
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
  console.log(config.smtpUrl ? `Invitation emails go out over SMTP (${smtpHost(config.smtpUrl)}) from ${config.mailFrom}` : 'SMTP_URL is not set: invitation emails are printed here, links included, instead of sent');
}

/** Where mail goes, for the start line: the host only, never the credentials in the URL. */
function smtpHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'SMTP_URL';
  }
}

const command = process.argv[2];
const run =
  command === undefined
    ? serve()
    : command === 'init'
      ? runInit(process.argv.slice(3)).then((code) => process.exit(code))
      : Promise.reject(new Error(`unknown command "${command}": run \`npm run server\` to start the service, or \`npm run server -- init\` to create the workspace`));
run.catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
