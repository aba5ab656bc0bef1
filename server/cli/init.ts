import { parseArgs } from 'node:util';
import type { FieldProblem } from '../../common/schemas/field-errors';
import { fieldErrors } from '../../common/schemas/field-errors';
import { workspaceCreateSchema } from '../../common/schemas/workspace/auth';
import { loadConfig } from '../config';
import { migrateToLatest } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import { Refusal } from '../http/refusal';
import { systemClock } from '../services/clock';
import { createWorkspace } from '../services/workspace-setup';
import { createPrompts, type Prompts } from './prompts';

/** How `init` ends, for scripts: created, failed, or there already was a workspace (nothing changed). */
export const INIT_EXIT = { created: 0, failed: 1, exists: 2 } as const;

const USAGE = `Usage: npm run server -- init [--name "Acme Support"] [--email owner@example.com]
                              [--full-name "Ana Lopez"] [--extension 100] [--time-zone Europe/London]
Creates the workspace and its Owner in the configured database (the same settings as npm run server).
Anything not given as a flag is asked for. The password is read from RINGDESK_INIT_PASSWORD, or asked
for without echo. Exit code: 0 created, 1 failed, 2 a workspace already exists (nothing changed).`;

// Words for the codes the shared schema answers with: the CLI is where they are shown.
const FIELD_TEXT: Partial<Record<FieldProblem, string>> = {
  'workspace-name-missing': 'give the workspace a name',
  'email-missing': 'an email address is needed',
  'email-invalid': 'that is not an email address',
  'full-name-missing': 'a full name is needed',
  'extension-missing': 'an extension is needed',
  'extension-invalid': 'an extension is 2 to 6 digits',
  'password-too-short': 'the password needs at least 10 characters',
  'time-zone-invalid': 'not a time zone this system knows (try e.g. Europe/London or UTC)',
  'too-long': 'too long',
};
const FIELD_NAMES: Record<string, string> = {
  name: '--name',
  'owner.email': '--email',
  'owner.fullName': '--full-name',
  'owner.extension': '--extension',
  'owner.password': 'password',
  timeZone: '--time-zone',
};

/** `npm run server -- init`: returns the exit code; every message goes to the console, never a stack trace. */
export async function runInit(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args: argv,
      options: { name: { type: 'string' }, email: { type: 'string' }, 'full-name': { type: 'string' }, extension: { type: 'string' }, 'time-zone': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return INIT_EXIT.failed;
  }
  if (flags.help) {
    console.log(USAGE);
    return INIT_EXIT.created;
  }
  const config = loadConfig(env, cwd);
  const database = openDatabase(config);
  // Opened only when something must be asked: with every flag given, stdin is left alone.
  let open: Prompts | undefined;
  const prompts: Prompts = {
    ask: (q) => (open ??= createPrompts()).ask(q),
    askHidden: (q) => (open ??= createPrompts()).askHidden(q),
    close: () => open?.close(),
  };
  try {
    await migrateToLatest(database);
    const existing = await database.db.selectFrom('workspace').select('name').executeTakeFirst();
    if (existing) return reportExists(existing.name, database.location);

    const text = (flag: string) => (typeof flags[flag] === 'string' ? (flags[flag] as string) : undefined);
    const input = {
      name: text('name') ?? (await prompts.ask('Workspace name: ')),
      owner: {
        email: text('email') ?? (await prompts.ask("Owner's email: ")),
        fullName: text('full-name') ?? (await prompts.ask("Owner's full name: ")),
        extension: text('extension') ?? (await prompts.ask("Owner's extension (2-6 digits): ")),
        password: env.RINGDESK_INIT_PASSWORD ?? (await askNewPassword(prompts)),
      },
      ...(text('time-zone') ? { timeZone: text('time-zone') } : {}),
    };
    const parsed = workspaceCreateSchema.safeParse(input);
    if (!parsed.success) {
      console.error('Nothing was created:');
      for (const [field, code] of Object.entries(fieldErrors(parsed.error))) console.error(`  ${FIELD_NAMES[field] ?? field}: ${FIELD_TEXT[code] ?? code}`);
      return INIT_EXIT.failed;
    }
    const created = await createWorkspace({ database, config, clock: systemClock }, parsed.data);
    const owner = parsed.data.owner;
    console.log(`Created the workspace "${parsed.data.name}" (${database.dialect}: ${database.location}).`);
    console.log(`Owner: ${owner.fullName} <${owner.email}>, extension ${owner.extension} (SIP user ${created.ownerSipUser} at ${created.sipDomain}).`);
    console.log('Next: start the service with `npm run server` and sign in from the app with this email and password.');
    return INIT_EXIT.created;
  } catch (err) {
    if (err instanceof Refusal && err.body.problem === 'workspace-exists') {
      const row = await database.db.selectFrom('workspace').select('name').executeTakeFirst();
      return reportExists(row?.name ?? '', database.location);
    }
    console.error(`Nothing was created: ${err instanceof Error ? err.message : String(err)}`);
    return INIT_EXIT.failed;
  } finally {
    prompts.close();
    await database.close();
  }
}

function reportExists(name: string, location: string): number {
  console.error(`A workspace already exists here ("${name}", ${location}); nothing was changed.`);
  console.error('Sign in from the app with its Owner, or point RINGDESK_DATA_DIR / DATABASE_URL elsewhere for a new one.');
  return INIT_EXIT.exists;
}

/** Asked twice, so a typo typed blind does not lock the Owner out of a brand new workspace. */
async function askNewPassword(prompts: Prompts): Promise<string> {
  const first = await prompts.askHidden("Owner's password (at least 10 characters): ");
  const again = await prompts.askHidden('The same password again: ');
  if (first !== again) throw new Error('the two passwords differ');
  return first;
}
