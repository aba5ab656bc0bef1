import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../../common/schemas/workspace/auth';
import { buildServer } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { createServerContext } from '../../../server/server-context';
import { systemClock } from '../../../server/services/clock';
import { INIT_EXIT } from '../../../server/cli/init';
import { rowCounts } from '../support/accounts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const PASSWORD = 'init from the shell';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe.each(DIALECTS)('npm run server -- init (%s)', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(() => t.drop());

  /** The CLI as `npm run server -- init …` runs it, pointed at this test's database. */
  function init(args: string[], options: { password?: string; stdin?: string } = {}): Promise<Run> {
    const env: NodeJS.ProcessEnv = { ...process.env, RINGDESK_DATA_DIR: path.dirname(t.location.sqliteFile) };
    delete env.DATABASE_URL;
    delete env.RINGDESK_INIT_PASSWORD;
    if (t.location.databaseUrl) env.DATABASE_URL = t.location.databaseUrl;
    if (options.password) env.RINGDESK_INIT_PASSWORD = options.password;
    return new Promise((resolve, reject) => {
      const child = spawn(TSX, ['server/main.ts', 'init', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.stdin ?? '');
    });
  }

  const flags = ['--name', 'Acme Support', '--email', 'Olivia@Example.com', '--full-name', 'Olivia Owner', '--extension', '100', '--time-zone', 'Europe/London'];

  it('creates the workspace from flags, and its Owner signs in from the app', async () => {
    const run = await init(flags, { password: PASSWORD });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(INIT_EXIT.created);
    expect(run.stdout).toContain('Created the workspace "Acme Support"');
    expect(run.stdout).toContain('olivia@example.com');
    expect(run.stdout).not.toContain(PASSWORD);
    // The service started later on the same database lets the Owner in.
    const config = { ...loadConfig({ RINGDESK_SERVER_PORT: '0' }, ROOT), ...t.location };
    const app = await buildServer(createServerContext({ database: t.database, config, clock: systemClock }));
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'olivia@example.com', password: PASSWORD } });
      expect(res.statusCode).toBe(200);
      const session = sessionSchema.parse(res.json());
      expect(session.agent).toMatchObject({ role: 'owner', extension: '100', fullName: 'Olivia Owner' });
      expect(session.agent.settings.officeHours.timeZone).toBe('Europe/London');
    } finally {
      await app.close();
    }
  }, 30_000);

  it('says clearly that a workspace exists and changes nothing', async () => {
    expect((await init(flags, { password: PASSWORD })).code).toBe(INIT_EXIT.created);
    const before = await rowCounts({ db: t });
    const again = await init(['--name', 'Another', '--email', 'x@example.com', '--full-name', 'X', '--extension', '200'], { password: PASSWORD });
    expect(again.code).toBe(INIT_EXIT.exists);
    expect(again.stderr).toContain('A workspace already exists here ("Acme Support"');
    expect(again.stderr).toContain('nothing was changed');
    expect(await rowCounts({ db: t })).toEqual(before);
  }, 30_000);

  it('asks for what the flags left out, the password twice', async () => {
    const run = await init(['--name', 'Asked Team'], { stdin: `ana@example.com\nAna Lopez\n123\n${PASSWORD}\n${PASSWORD}\n` });
    expect(run.code).toBe(INIT_EXIT.created);
    expect(run.stdout).toContain("Owner's email: ");
    expect(run.stdout).toContain('Owner: Ana Lopez <ana@example.com>, extension 123');
    expect(run.stdout).not.toContain(PASSWORD);
    const agent = await t.database.db.selectFrom('agent').select(['email', 'role']).executeTakeFirstOrThrow();
    expect(agent).toEqual({ email: 'ana@example.com', role: 'owner' });
  }, 30_000);

  it('names every wrong answer in words and creates nothing', async () => {
    const run = await init(['--name', 'Team', '--email', 'not-an-email', '--full-name', 'Bob', '--extension', '1', '--time-zone', 'Mars/Base'], { password: 'short' });
    expect(run.code).toBe(INIT_EXIT.failed);
    expect(run.stderr).toContain('--email: that is not an email address');
    expect(run.stderr).toContain('--extension: an extension is 2 to 6 digits');
    expect(run.stderr).toContain('password: the password needs at least 10 characters');
    expect(run.stderr).toContain('--time-zone: not a time zone');
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect((await rowCounts({ db: t })).workspace).toBe(0);
  }, 30_000);

  it('fails with a message instead of hanging when an answer is missing and stdin ends', async () => {
    const run = await init(['--name', 'Team']);
    expect(run.code).toBe(INIT_EXIT.failed);
    expect(run.stderr).toContain('Nothing was created: stdin ended before every answer was given');
  }, 30_000);
});
