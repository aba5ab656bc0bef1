// Real-SIP test bed: one Kamailio registrar + proxy per call to startKamailio(),
// each in its own temp dir with its own ports, ctl socket, pid file and database,
// so Playwright workers (and `npm run lab`) can run several side by side.
//
// Every instance runs the config the repo ships (server/kamailio/kamailio.cfg),
// copied into its temp dir and given its ports, paths and the test-bed switches
// (activity log, registrar faults, unauthenticated INVITEs) on the command line.
// Its database is either a small SQLite file of its own (the app's e2e tests:
// users 1001..1003) or a workspace database the service provisions (SQLite file
// or PostgreSQL), exactly as in production.
//
// Plain ESM + JSDoc so that both TypeScript tests and plain `node` scripts can
// import it without a build step; the types live in kamailio.d.mts.

import { spawn, execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const KAMAILIO_BIN = '/usr/sbin/kamailio';
export const KAMCMD_BIN = '/usr/sbin/kamcmd';
export const SQLITE_BIN = '/usr/bin/sqlite3';
export const INSTALL_HINT =
  'apt-get install kamailio kamailio-websocket-modules kamailio-sqlite-modules kamailio-postgres-modules sqlite3';

const SCHEMA_DIR = '/usr/share/kamailio/db_sqlite';
/** The deployable config: the test bed runs exactly this file. */
export const SHIPPED_CONFIG_PATH = new URL('../../../server/kamailio/kamailio.cfg', import.meta.url);
const DEFAULT_USERS = ['1001', '1002', '1003'].map((user) => ({ user, password: `pass${user}` }));
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
/** Set to keep each instance's temp dir (config, db, kamailio.log) after the process exits. */
const KEEP_DIR = process.env.RINGDESK_KEEP_KAMAILIO_DIR === '1';

/** @typedef {import('./kamailio.d.mts').SipUser} SipUser */
/** @typedef {import('./kamailio.d.mts').KamailioOptions} KamailioOptions */
/** @typedef {import('./kamailio.d.mts').KamailioHandle} KamailioHandle */
/** @typedef {import('./kamailio.d.mts').Binding} Binding */
/** @typedef {import('./kamailio.d.mts').LogEntry} LogEntry */
/** @typedef {import('./kamailio.d.mts').RegisterLogEntry} RegisterLogEntry */

// ---------------------------------------------------------------------------
// Installation checks
// ---------------------------------------------------------------------------

/**
 * Throws an Error saying how to install what is missing.
 * @param {{ postgres?: boolean }} [options] postgres: also db_postgres (workspace on PostgreSQL)
 */
export function assertKamailioInstalled(options = {}) {
  for (const bin of [KAMAILIO_BIN, KAMCMD_BIN, SQLITE_BIN]) {
    if (!existsSync(bin)) {
      throw new Error(`${bin} not found: the SIP test bed needs Kamailio and sqlite3. Install them with:\n  ${INSTALL_HINT}`);
    }
  }
  if (!existsSync(path.join(SCHEMA_DIR, 'auth_db-create.sql'))) {
    throw new Error(`${SCHEMA_DIR} is missing (kamailio-sqlite-modules). Install it with:\n  ${INSTALL_HINT}`);
  }
  const dir = findModuleDir();
  if (options.postgres && !existsSync(path.join(dir, 'db_postgres.so'))) {
    throw new Error(`db_postgres.so is missing from ${dir} (kamailio-postgres-modules). Install it with:\n  ${INSTALL_HINT}`);
  }
}

/**
 * The module dir is arch-specific on Debian (x86_64-linux-gnu, aarch64-linux-gnu, ...);
 * pick the one that has websocket.so, which also proves the websocket package is there.
 */
function findModuleDir() {
  const candidates = [`/usr/lib/${os.arch() === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/kamailio/modules`,
    '/usr/lib/x86_64-linux-gnu/kamailio/modules', '/usr/lib/aarch64-linux-gnu/kamailio/modules',
    '/usr/lib64/kamailio/modules', '/usr/lib/kamailio/modules'];
  const dir = candidates.find((d) => existsSync(path.join(d, 'websocket.so')) && existsSync(path.join(d, 'db_sqlite.so')));
  if (!dir) {
    throw new Error(`Kamailio's websocket/sqlite modules were not found (looked in ${candidates.join(', ')}). Install them with:\n  ${INSTALL_HINT}`);
  }
  return dir;
}

// ---------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------

/**
 * Asks the OS for a free port by binding port 0 on 127.0.0.1 and closing again.
 * @param {'tcp' | 'udp'} kind
 * @returns {Promise<number>}
 */
export function freePort(kind) {
  return new Promise((resolve, reject) => {
    if (kind === 'tcp') {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = /** @type {net.AddressInfo} */ (server.address());
        server.close(() => resolve(port));
      });
    } else {
      const socket = dgram.createSocket('udp4');
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => {
        const { port } = socket.address();
        socket.close(() => resolve(port));
      });
    }
  });
}

/**
 * Whether a port can be bound right now (for the lab's clear "port busy" message).
 * @param {'tcp' | 'udp'} kind
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function isPortFree(kind, port) {
  return new Promise((resolve) => {
    const done = (/** @type {boolean} */ free, /** @type {() => void} */ close) => { close(); resolve(free); };
    if (kind === 'tcp') {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => done(true, () => server.close()));
    } else {
      const socket = dgram.createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => done(true, () => socket.close()));
    }
  });
}

// ---------------------------------------------------------------------------
// Database and config
// ---------------------------------------------------------------------------

/** @param {string} value */
const sqlString = (value) => `'${String(value).replace(/'/g, "''")}'`;

/**
 * Runs SQL through the sqlite3 CLI (fed on stdin, so no quoting of the shell).
 * @param {string} dbPath
 * @param {string} sql
 * @returns {Promise<string>}
 */
function runSqlite(dbPath, sql) {
  return new Promise((resolve, reject) => {
    const child = execFile(SQLITE_BIN, ['-bail', dbPath], (error, stdout, stderr) => {
      if (error) reject(new Error(`sqlite3 failed on ${dbPath}: ${stderr || error.message}`));
      else resolve(stdout);
    });
    child.stdin?.end(sql);
  });
}

/** @param {string} text */
const md5 = (text) => createHash('md5').update(text).digest('hex');

/**
 * The shipped config reads digest hashes only (calculate_ha1 = 0), like the
 * workspace writes them — the same formulas as digestHashes() in
 * server/services/sip-provisioning.ts (this file is plain JS for the lab, so
 * it cannot import that one). The password column stays empty.
 * @param {string} user
 * @param {string} password
 * @param {string} domain
 */
const insertSubscriberSql = (user, password, domain) => {
  const ha1 = md5(`${user}:${domain}:${password}`);
  const ha1b = md5(`${user}@${domain}:${domain}:${password}`);
  return `INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES (${sqlString(user)}, ${sqlString(domain)}, '', '${ha1}', '${ha1b}');\n`;
};

/**
 * Kamailio's own schema (standard = version table, auth_db = subscriber,
 * alias_db = dbaliases, usrloc = location) plus the users: the tables the shipped config uses.
 * @param {string} dbPath
 * @param {SipUser[]} users
 * @param {string} domain
 */
async function createDatabase(dbPath, users, domain) {
  const schema = ['standard-create.sql', 'auth_db-create.sql', 'alias_db-create.sql', 'usrloc-create.sql']
    .map((file) => readFileSync(path.join(SCHEMA_DIR, file), 'utf8'))
    .join('\n');
  const inserts = users.map(({ user, password }) => insertSubscriberSql(user, password, domain)).join('');
  await runSqlite(dbPath, `${schema}\nBEGIN;\n${inserts}COMMIT;\n`);
}

/**
 * The instance's settings as the shipped config's defines (see the top of
 * server/kamailio/kamailio.cfg), plus the test-bed switches.
 * @param {Instance} inst
 * @returns {string[]}
 */
function configArgs(inst) {
  const define = (/** @type {string} */ name, /** @type {string | number} */ value) => ['-A', `${name}=${value}`];
  const quoted = (/** @type {string} */ text) => {
    if (/["\\]/.test(text)) throw new Error(`startKamailio: a quote or backslash cannot go into a Kamailio define: ${text}`);
    return `"${text}"`;
  };
  const args = [
    '-L', findModuleDir(),
    ...define('SIP_DOMAIN', quoted(inst.domain)),
    ...define('LISTEN_UDP', `udp:127.0.0.1:${inst.udpPort}`),
    ...define('LISTEN_WS', `tcp:127.0.0.1:${inst.wsPort}`),
    ...define('RPC_PORT', inst.rpcPort),
    ...define('CTL_SOCKET', quoted(`unix:${inst.ctlSocket}`)),
    ...define('CHILDREN', 2),
    '-A', 'WITH_ACTIVITY_LOG',
    '-A', 'WITH_REGISTRAR_FAULTS',
  ];
  if (!inst.inviteAuth) args.push('-A', 'WITH_UNAUTHENTICATED_INVITES');
  if (inst.database.kind === 'postgres') {
    args.push('-A', 'WITH_POSTGRES', ...define('DBURL', quoted(inst.database.url)));
  } else {
    // substdefs: the paths go into strings (the db_urls)
    for (const file of [inst.database.path, inst.database.locationPath]) {
      if (file.includes('!')) throw new Error(`the SQLite path must not contain "!": ${file}`);
    }
    args.push(`--substdef=!WORKSPACE_SQLITE!${inst.database.path}!g`, `--substdef=!LOCATION_SQLITE!${inst.database.locationPath}!g`);
  }
  return args;
}

// ---------------------------------------------------------------------------
// Process lifecycle
// ---------------------------------------------------------------------------

/** Process groups of running instances, killed if the test process exits without stop(). */
const liveGroups = new Set();
/** Temp dirs to remove when the process exits (stop() keeps them so start() can reuse them). */
const tempDirs = new Set();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', cleanUpEverything);
  // A signal's default action ends Node without 'exit' and would orphan Kamailio.
  // Only act when nobody else handles the signal (the lab does, then calls exit()),
  // and then die of the same signal as if we had not been here.
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) return;
      cleanUpEverything();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function cleanUpEverything() {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  liveGroups.clear();
  if (!KEEP_DIR) for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/**
 * @param {number} pgid
 * @param {NodeJS.Signals | 0} signal
 * @returns {boolean} false when no process is left in the group
 */
function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether `promise` settles within `ms`; the timer is cleared either way so it
 * does not keep a finished test process alive.
 * @param {Promise<unknown> | null} promise
 * @param {number} ms
 * @returns {Promise<boolean>}
 */
function settlesWithin(promise, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise?.finally(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Whether any live (non-zombie) process is in the group. Read from /proc rather
 * than kill(-pgid, 0): once the main process is gone its children are reparented,
 * and in a container whose init does not reap, they would linger as zombies.
 * @param {number} pgid
 */
function groupAlive(pgid) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp ..." -- comm may contain spaces/parens, so split after the last ')'
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

/**
 * Last lines of the instance's log, for error messages.
 * @param {string} logPath
 * @param {number} [lines]
 */
function logTail(logPath, lines = 25) {
  try {
    return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Sends an OPTIONS to the server itself and resolves true on a 200.
 * @param {number} udpPort
 * @param {number} timeoutMs
 * @returns {Promise<boolean>}
 */
function optionsPing(udpPort, timeoutMs) {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const finish = (/** @type {boolean} */ ok) => {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('error', () => finish(false));
    socket.on('message', (msg) => finish(/^SIP\/2\.0 200 /.test(msg.toString('latin1'))));
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      const tag = randomBytes(6).toString('hex');
      const request = [
        `OPTIONS sip:127.0.0.1:${udpPort} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK${tag};rport`,
        'Max-Forwards: 70',
        `From: <sip:probe@127.0.0.1>;tag=${tag}`,
        `To: <sip:127.0.0.1:${udpPort}>`,
        `Call-ID: probe-${tag}@127.0.0.1`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '', '',
      ].join('\r\n');
      socket.send(request, udpPort, '127.0.0.1');
    });
  });
}

/**
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function tcpAccepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * @typedef {object} Instance  mutable state behind one handle
 * @property {string} dir
 * @property {string} cfgPath
 * @property {string} logPath
 * @property {string} pidPath
 * @property {string} ctlSocket
 * @property {InstanceDatabase} database
 * @property {string} domain
 * @property {number} udpPort
 * @property {number} wsPort
 * @property {number} rpcPort
 * @property {boolean} inviteAuth
 * @property {SipUser[]} users
 * @property {import('node:child_process').ChildProcess | null} child
 * @property {Promise<number | null> | null} exited resolves with the exit code (null if killed by a signal)
 */

/**
 * @typedef {{ kind: 'own', path: string, locationPath: string } | { kind: 'sqlite', path: string, locationPath: string } | { kind: 'postgres', url: string }} InstanceDatabase
 *   own: the test bed's SQLite file (users 1001..; its location table in the same file: only Kamailio and
 *   the test bed write it); sqlite / postgres: a workspace database the service provisions (on SQLite with
 *   Kamailio's own location file, server/db/location-file.ts)
 */

/**
 * Spawns Kamailio in the foreground (-DD -E) but detached into its own process group,
 * so stop() can kill the ~11 forked children together with it.
 * @param {Instance} inst
 */
function spawnKamailio(inst) {
  const args = ['-DD', '-E', '-m', '64', '-M', '8', '-f', inst.cfgPath, '-Y', inst.dir, '-P', inst.pidPath, ...configArgs(inst)];
  // stdout+stderr go to a file: Kamailio logs a lot and the test output must stay readable.
  const logFd = openSync(inst.logPath, 'a');
  writeFileSync(logFd, `==== ${new Date().toISOString()} ${KAMAILIO_BIN} ${args.join(' ')}\n`);
  // cwd = the temp dir: the config imports an optional kamailio-local.cfg from
  // the cwd or its own dir, and a developer's own must not leak into a test.
  const child = spawn(KAMAILIO_BIN, args, { cwd: inst.dir, detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  // Do not keep the test runner alive because of the server; the exit hook kills it.
  child.unref();
  const pid = /** @type {number} */ (child.pid);
  liveGroups.add(pid);
  inst.child = child;
  inst.exited = new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
}

/**
 * Polls until the WS port accepts TCP and an OPTIONS over UDP gets a 200.
 * @param {Instance} inst
 * @param {number} timeoutMs
 */
async function waitReady(inst, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exitCode = /** @type {number | null | undefined} */ (undefined);
  void inst.exited?.then((code) => { exitCode = code; });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`Kamailio exited during startup (code ${exitCode}); log ${inst.logPath}:\n${logTail(inst.logPath)}`);
    }
    if ((await tcpAccepts(inst.wsPort)) && (await tcpAccepts(inst.rpcPort)) && (await optionsPing(inst.udpPort, 300))) return;
    await sleep(50);
  }
  throw new Error(`Kamailio did not become ready within ${timeoutMs} ms (ws ${inst.wsPort}, udp ${inst.udpPort}); log ${inst.logPath}:\n${logTail(inst.logPath)}`);
}

/**
 * SIGTERM to the main pid (it stops its children), SIGKILL to the group after
 * STOP_TIMEOUT_MS, then make sure nothing of the group is left.
 * @param {Instance} inst
 */
async function stopProcess(inst) {
  const child = inst.child;
  if (!child || child.pid === undefined) return;
  const pgid = child.pid;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    if (!(await settlesWithin(inst.exited, STOP_TIMEOUT_MS))) killGroup(pgid, 'SIGKILL');
    await inst.exited;
  }
  // Children normally die with the main process; never leave one behind.
  for (let i = 0; i < 20 && groupAlive(pgid); i++) await sleep(50);
  if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
  liveGroups.delete(pgid);
  inst.child = null;
}

/** @param {string} text */
const isBindError = (text) => /Address already in use|bind.*fail|could not bind/i.test(text);

// ---------------------------------------------------------------------------
// ul.dump parsing
// ---------------------------------------------------------------------------

/**
 * @typedef {{ key: string, value: string | Node[] }} Node
 */

/**
 * Parses kamcmd's indented struct output ("Key: value" / "Key: {" ... "}") into
 * a tree of ordered nodes; keys repeat (one "Info" per AoR, one "Contact" per binding).
 * @param {string} text
 * @returns {Node[]}
 */
export function parseKamcmdTree(text) {
  /** @type {Node[]} */
  const root = [];
  /** @type {Node[][]} */
  const stack = [root];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line === '{') continue;
    const current = /** @type {Node[]} */ (stack[stack.length - 1]);
    if (line === '}') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (value === '{') {
      /** @type {Node[]} */
      const children = [];
      current.push({ key, value: children });
      stack.push(children);
    } else {
      current.push({ key, value });
    }
  }
  return root;
}

/**
 * All nodes with this key anywhere below `nodes`.
 * @param {Node[]} nodes
 * @param {string} key
 * @returns {Node[]}
 */
function findAll(nodes, key) {
  /** @type {Node[]} */
  const found = [];
  for (const node of nodes) {
    if (node.key === key) found.push(node);
    if (Array.isArray(node.value)) found.push(...findAll(node.value, key));
  }
  return found;
}

/**
 * @param {Node[]} nodes
 * @returns {Record<string, string>}
 */
function scalars(nodes) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const node of nodes) if (typeof node.value === 'string') out[node.key] = node.value;
  return out;
}

/** @param {string | undefined} value kamcmd prints "[not set]" for empty fields */
const orNull = (value) => (value === undefined || value === '[not set]' ? null : value);

/**
 * @param {string} aor
 * @param {Record<string, string>} fields
 * @returns {Binding}
 */
function toBinding(aor, fields) {
  const expiresText = fields.Expires ?? '';
  // usrloc prints seconds left, or "permanent" / "expired" / "deleted"
  const seconds = /^-?\d+$/.test(expiresText) ? Number(expiresText) : null;
  const contact = fields.Address ?? '';
  const received = orNull(fields.Received);
  const transportMatch = /;transport=([a-z]+)/i.exec(received ?? contact);
  return {
    aor,
    user: aor.split('@')[0] ?? aor,
    contact,
    expires: expiresText === 'permanent' ? null : seconds ?? 0,
    active: expiresText === 'permanent' || (seconds !== null && seconds > 0),
    received,
    transport: transportMatch?.[1]?.toLowerCase() ?? 'udp',
    callId: fields['Call-ID'] ?? '',
    cseq: Number(fields.CSeq ?? 0),
    userAgent: orNull(fields['User-Agent']),
    instance: orNull(fields.Instance),
    regId: Number(fields['Reg-Id'] ?? 0),
    socket: orNull(fields.Socket),
    lastModified: Number(fields['Last-Modified'] ?? 0),
    raw: fields,
  };
}

/**
 * @param {string} text output of `kamcmd ul.dump`
 * @returns {Binding[]}
 */
export function parseUlDump(text) {
  /** @type {Binding[]} */
  const bindings = [];
  for (const info of findAll(parseKamcmdTree(text), 'Info')) {
    if (!Array.isArray(info.value)) continue;
    const aor = scalars(info.value).AoR ?? '';
    for (const contact of findAll(info.value, 'Contact')) {
      if (Array.isArray(contact.value)) bindings.push(toBinding(aor, scalars(contact.value)));
    }
  }
  return bindings;
}

// ---------------------------------------------------------------------------
// RDLOG parsing (lines written by xlog in kamailio.cfg)
// ---------------------------------------------------------------------------

const NUMERIC_FIELDS = new Set(['ts', 'code', 'expires', 'contact_expires', 'cseq', 'result', 'branch']);
const BOOLEAN_FIELDS = new Set(['indialog', 'local']);
/** @type {Record<string, string>} */
const FIELD_NAMES = { contact_expires: 'contactExpires', callid: 'callId' };

/**
 * @param {string} key
 * @param {string} value
 */
function convertField(key, value) {
  if (value === '<null>' || value === '') return null;
  if (NUMERIC_FIELDS.has(key)) return Number(value);
  if (BOOLEAN_FIELDS.has(key)) return value === '1';
  return value;
}

/**
 * Parses one "... RDLOG EVENT k=v k=v [reason=free text]" line; null for other lines.
 * @param {string} line
 * @returns {LogEntry | null}
 */
export function parseLogLine(line) {
  const start = line.indexOf('RDLOG ');
  if (start < 0) return null;
  let body = line.slice(start + 'RDLOG '.length).trim();
  /** @type {Record<string, unknown>} */
  const entry = {};
  // "reason" and "text" are free text (may contain spaces), so the config always puts them last
  const free = / (reason|text)=/.exec(body);
  if (free) {
    entry[free[1]] = body.slice(free.index + free[0].length);
    body = body.slice(0, free.index);
  }
  const [event, ...pairs] = body.split(/\s+/);
  entry.event = event;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq);
    entry[FIELD_NAMES[key] ?? key] = convertField(key, pair.slice(eq + 1));
  }
  if (event === 'REGISTER') addRegisterMeaning(entry);
  entry.raw = line.slice(start);
  return /** @type {LogEntry} */ (/** @type {unknown} */ (entry));
}

/**
 * A REGISTER removes bindings when its effective expiry is 0 (Contact ;expires= wins
 * over the Expires header, as in RFC 3261 10.2.1) or when it is "Contact: *".
 * @param {Record<string, unknown>} entry
 */
function addRegisterMeaning(entry) {
  const effective = /** @type {number | null} */ (entry.contactExpires ?? entry.expires ?? null);
  entry.effectiveExpires = effective;
  entry.unregister = entry.contact === '*' || effective === 0;
}

/**
 * @param {string} text
 * @returns {LogEntry[]}
 */
export function parseLog(text) {
  /** @type {LogEntry[]} */
  const entries = [];
  for (const line of text.split('\n')) {
    const entry = parseLogLine(line);
    if (entry) entries.push(entry);
  }
  return entries;
}

// ---------------------------------------------------------------------------
// startKamailio
// ---------------------------------------------------------------------------

/**
 * Starts a Kamailio registrar + proxy and waits until it answers.
 * @param {KamailioOptions} [options]
 * @returns {Promise<KamailioHandle>}
 */
export async function startKamailio(options = {}) {
  assertKamailioInstalled();
  installExitHook();
  await assertFixedPortsFree(options);
  const inst = await prepareInstance(options);
  const fixedPorts = options.wsPort !== undefined || options.udpPort !== undefined || options.rpcPort !== undefined;
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;

  // Free ports picked by the OS can be taken by someone else before Kamailio binds
  // them (another worker doing the same); pick new ones and retry in that case.
  for (let attempt = 1; ; attempt++) {
    writeFileSync(inst.cfgPath, readFileSync(SHIPPED_CONFIG_PATH, 'utf8'));
    spawnKamailio(inst);
    try {
      await waitReady(inst, readyTimeoutMs);
      break;
    } catch (error) {
      await stopProcess(inst);
      const retry = !fixedPorts && attempt < 3 && isBindError(logTail(inst.logPath, 40));
      if (!retry) throw error;
      inst.wsPort = await freePort('tcp');
      inst.udpPort = await freePort('udp');
      inst.rpcPort = await freePort('tcp');
    }
  }
  return createHandle(inst, readyTimeoutMs);
}

/**
 * A fixed port someone else holds would only show up as a bind error deep in
 * Kamailio's log; say it plainly instead.
 * @param {KamailioOptions} options
 */
async function assertFixedPortsFree(options) {
  const checks = /** @type {Array<['tcp' | 'udp', number | undefined, string]>} */ ([
    ['tcp', options.wsPort, 'WebSocket (TCP)'], ['udp', options.udpPort, 'SIP UDP'], ['tcp', options.rpcPort, 'JSON-RPC (TCP)']]);
  for (const [kind, port, label] of checks) {
    if (port !== undefined && !(await isPortFree(kind, port))) {
      throw new Error(`${label} port 127.0.0.1:${port} is already in use (another Kamailio or \`npm run lab\` running?)`);
    }
  }
}

/**
 * Where the instance reads subscribers and aliases from.
 * @param {KamailioOptions['database']} option
 * @param {string} dir
 * @returns {InstanceDatabase}
 */
function instanceDatabase(option, dir) {
  if (option === undefined) {
    const own = path.join(dir, 'kamailio.sqlite');
    return { kind: 'own', path: own, locationPath: own };
  }
  if ('postgresUrl' in option) return { kind: 'postgres', url: option.postgresUrl };
  // The service's rule (server/db/location-file.ts, locationFileFor): location.sqlite beside the workspace file.
  const locationFile = option.locationFile ?? path.join(path.dirname(option.sqliteFile), 'location.sqlite');
  for (const [name, file] of [['sqliteFile', option.sqliteFile], ['locationFile', locationFile]]) {
    if (!path.isAbsolute(file)) throw new Error(`database.${name} must be an absolute path: ${file}`);
    if (!existsSync(file)) throw new Error(`database.${name} does not exist (the service creates and migrates it: migrate the workspace first): ${file}`);
  }
  return { kind: 'sqlite', path: option.sqliteFile, locationPath: locationFile };
}

/**
 * Temp dir, ports and database for a new instance.
 * @param {KamailioOptions} options
 * @returns {Promise<Instance>}
 */
async function prepareInstance(options) {
  // Short prefix: the ctl socket path must stay under the 108-byte sun_path limit.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rd-kam-'));
  tempDirs.add(dir);
  const domain = options.domain ?? '127.0.0.1';
  const database = instanceDatabase(options.database, dir);
  if (database.kind !== 'own' && options.users) throw new Error('startKamailio: users cannot be given with a workspace database (the workspace provisions them)');
  assertKamailioInstalled({ postgres: database.kind === 'postgres' });
  const users = database.kind === 'own' ? (options.users ?? DEFAULT_USERS).map(({ user, password }) => ({ user, password })) : [];
  /** @type {Instance} */
  const inst = {
    dir,
    cfgPath: path.join(dir, 'kamailio.cfg'),
    logPath: path.join(dir, 'kamailio.log'),
    pidPath: path.join(dir, 'kamailio.pid'),
    ctlSocket: path.join(dir, 'ctl.sock'),
    database,
    domain,
    udpPort: options.udpPort ?? (await freePort('udp')),
    wsPort: options.wsPort ?? (await freePort('tcp')),
    rpcPort: options.rpcPort ?? (await freePort('tcp')),
    inviteAuth: options.inviteAuth ?? false,
    users,
    child: null,
    exited: null,
  };
  if (database.kind === 'own') await createDatabase(database.path, users, domain);
  return inst;
}

/**
 * The test bed's own SQLite file; a workspace database is the service's to write.
 * @param {Instance} inst
 */
function ownDatabase(inst) {
  if (inst.database.kind !== 'own') throw new Error('addUser/removeUser: this Kamailio reads a workspace database; provision users through server/services/sip-provisioning.ts');
  return inst.database.path;
}

/**
 * @param {Instance} inst
 * @param {number} readyTimeoutMs
 * @returns {KamailioHandle}
 */
function createHandle(inst, readyTimeoutMs) {
  const readLog = async () => {
    try {
      return await readFile(inst.logPath, 'utf8');
    } catch {
      return '';
    }
  };
  const logLines = async () => parseLog(await readLog());

  /** @type {KamailioHandle} */
  const handle = {
    get wsUrl() { return `ws://127.0.0.1:${inst.wsPort}`; },
    get wsPort() { return inst.wsPort; },
    get rpcUrl() { return `http://127.0.0.1:${inst.rpcPort}/RPC`; },
    get rpcPort() { return inst.rpcPort; },
    get udpPort() { return inst.udpPort; },
    get domain() { return inst.domain; },
    get dir() { return inst.dir; },
    get logPath() { return inst.logPath; },
    get ctlSocket() { return inst.ctlSocket; },
    get users() { return inst.users.map((u) => ({ ...u })); },
    get pid() { return inst.child?.pid ?? null; },
    get running() { return inst.child !== null && inst.child.exitCode === null && inst.child.signalCode === null; },
    get exited() { return inst.exited ?? Promise.resolve(null); },

    async stop() {
      await stopProcess(inst);
    },
    async start() {
      if (handle.running) return;
      spawnKamailio(inst);
      try {
        await waitReady(inst, readyTimeoutMs);
      } catch (error) {
        await stopProcess(inst);
        throw error;
      }
    },
    async restart() {
      await handle.stop();
      await handle.start();
    },

    async addUser(user, password) {
      await runSqlite(ownDatabase(inst), insertSubscriberSql(user, password, inst.domain));
      inst.users.push({ user, password });
    },
    async removeUser(user) {
      await runSqlite(ownDatabase(inst), `DELETE FROM subscriber WHERE username = ${sqlString(user)};\n`);
      inst.users = inst.users.filter((u) => u.user !== user);
    },

    async bindings(user) {
      if (!handle.running) return [];
      const { stdout } = await execFileAsync(KAMCMD_BIN, ['-s', `unix:${inst.ctlSocket}`, 'ul.dump'], { timeout: 5000 });
      const all = parseUlDump(stdout);
      return user === undefined ? all : all.filter((b) => b.user === user);
    },
    async isRegistered(user) {
      return (await handle.bindings(user)).some((b) => b.active);
    },
    async setRegisterFault(fault) {
      const rpc = (/** @type {string[]} */ ...args) => execFileAsync(KAMCMD_BIN, ['-s', `unix:${inst.ctlSocket}`, ...args], { timeout: 5000 });
      await rpc('htable.flush', 'fault');
      if (!fault) return;
      // the status goes in last: it is what switches the fault on
      if (fault.minExpires !== undefined) await rpc('htable.seti', 'fault', 'min_expires', String(fault.minExpires === 'echo' ? 0 : fault.minExpires));
      if (fault.minExpires === 'echo') await rpc('htable.seti', 'fault', 'echo_min_expires', '1');
      if (fault.retryAfter !== undefined) await rpc('htable.seti', 'fault', 'retry_after', String(fault.retryAfter));
      await rpc('htable.sets', 'fault', 'register_reason', fault.reason);
      await rpc('htable.seti', 'fault', 'register_status', String(fault.status));
    },

    logLines,
    async registers(user) {
      const entries = await logLines();
      return /** @type {RegisterLogEntry[]} */ (entries.filter((e) => e.event === 'REGISTER' && (user === undefined || e.user === user)));
    },
    /**
     * @param {(entry: LogEntry) => boolean} predicate
     * @param {number} [timeoutMs]
     */
    async waitForLog(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = (await logLines()).find(predicate);
        if (match) return match;
        if (Date.now() >= deadline) {
          const recent = (await logLines()).slice(-10).map((e) => `  ${e.raw}`).join('\n');
          throw new Error(`waitForLog: no matching RDLOG line within ${timeoutMs} ms. Last lines:\n${recent || '  (none)'}`);
        }
        await sleep(50);
      }
    },
    async logText() {
      return readLog();
    },
  };
  return handle;
}
