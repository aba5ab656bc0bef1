// A throwaway PostgreSQL cluster for the workspace tests and `npm run lab`:
// initdb into a temp dir, a server on a free loopback port with its socket in
// that dir, trust auth for the local superuser — gone when stopped.
//
// Plain ESM + JSDoc (types in postgres.d.mts) so vitest and plain node share it.

import { execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
export const INSTALL_HINT = 'apt-get install postgresql';
const READY_TIMEOUT_MS = 20_000;

/** Debian keeps each major version's server binaries in /usr/lib/postgresql/<major>/bin; take the newest. */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => existsSync(path.join(root, d, 'bin', 'initdb'))) : [];
  majors.sort((a, b) => Number(b) - Number(a));
  if (majors.length === 0) {
    throw new Error(`PostgreSQL server binaries were not found under ${root}: the workspace tests run on PostgreSQL too. Install it with:\n  ${INSTALL_HINT}`);
  }
  return path.join(root, majors[0], 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the
 * `postgres` system user the Debian package creates.
 * @returns {{ uid?: number, gid?: number }}
 */
function runAs() {
  if (process.getuid?.() !== 0) return {};
  let line = '';
  try {
    line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).trim();
  } catch {
    /* no such user */
  }
  if (!line) throw new Error('running as root, but there is no "postgres" user to own the test cluster (it comes with the postgresql package)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a cluster and waits until it accepts connections.
 * @returns {Promise<{ url: string, port: number, dir: string, stop(): Promise<void> }>}
 */
export async function startPostgres() {
  const bin = findPostgresBin();
  const as = runAs();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ringdesk-pg-'));
  const dataDir = path.join(dir, 'data');
  if (as.uid !== undefined) chownSync(dir, as.uid, /** @type {number} */ (as.gid));
  const run = (file, args) => execFileAsync(file, args, { ...as });
  await run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const argv = [path.join(bin, 'postgres'), '-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'];
  const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], ...as });
  let log = '';
  child.stderr.on('data', (chunk) => {
    log = (log + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited at start:\n${log}`);
    try {
      await execFileAsync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-q']);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGINT'); // fast shutdown
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
