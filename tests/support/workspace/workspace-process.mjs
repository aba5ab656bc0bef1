// The workspace service as a user runs it (`npm run server`: server/main.ts
// through tsx), in a child process: for the lab and the end-to-end tests,
// which need the real service with its real startup (config from the
// environment, migration, listen), not an in-process stand-in.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const STARTUP_TIMEOUT_MS = 20_000;

/**
 * @typedef {object} WorkspaceProcess
 * @property {string} url          where the app signs in (http://127.0.0.1:port)
 * @property {() => string} output what the service printed so far
 * @property {Promise<number | null>} exited
 * @property {() => Promise<void>} stop
 * @property {() => Promise<number | null>} crash  SIGKILL, as a replica dies (no shutdown of any kind); resolves once it is gone
 */

/**
 * Starts the service with `env` added to this process's environment and waits
 * until it answers. Fails with the service's own output if it does not.
 * @param {{ env: Record<string, string>, port: number, onLine?: (line: string) => void }} options
 * @returns {Promise<WorkspaceProcess>}
 */
export async function startWorkspaceProcess({ env, port, onLine }) {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  // An empty value unsets the variable (e.g. a DATABASE_URL from the caller's shell).
  const merged = Object.fromEntries(
    Object.entries({ ...process.env, RINGDESK_SERVER_HOST: '127.0.0.1', RINGDESK_SERVER_PORT: String(port), ...env }).filter(([, v]) => v !== undefined && v !== ''),
  );
  const child = spawn(process.execPath, ['--import', tsx, path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const take = (/** @type {Buffer} */ chunk) => {
    const text = chunk.toString();
    output += text;
    if (onLine) for (const line of text.split('\n')) if (line.trim()) onLine(line);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let ready = false;
  let gone = false;
  void exited.then(() => (gone = true));
  while (!ready && !gone && Date.now() < deadline) {
    ready = await fetch(`${url}/api/v1/workspace`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 150));
  }
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`the workspace service did not start on ${url}${gone ? ' (it exited)' : ` within ${STARTUP_TIMEOUT_MS / 1000} s`}. Its output:\n${output}`);
  }
  return {
    url,
    output: () => output,
    exited,
    crash: async () => {
      if (!gone) child.kill('SIGKILL');
      return exited;
    },
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
