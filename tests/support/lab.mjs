// `npm run lab`: a local phone system to try Ringdesk against by hand.
// Starts Kamailio from the shipped config (server/kamailio/kamailio.cfg), the same
// way the tests do (registrar + proxy, SIP over WebSocket and UDP on 127.0.0.1),
// prints what to type into Ringdesk, and shows registrations and calls as they happen.
//
//   npm run lab                          the team: the workspace service (npm run server,
//                                        data in .lab-data/) with a demo team made through
//                                        its own routes, a mail catcher that prints the
//                                        invitations it sends, and Kamailio on its database
//   npm run lab -- --sip                 plain SIP demo users 1001..1003 (own database)
//   npm run lab -- --workspace [file]    Kamailio only, on a workspace's SQLite file (default
//                                        .server-data/workspace.sqlite, as written by
//                                        `npm run server`), writing its registrations to
//                                        location.sqlite beside it (made by the service too)
//
//   LAB_WS_PORT=8088 LAB_UDP_PORT=5060 LAB_RPC_PORT=8089 LAB_WORKSPACE_PORT=8480
//   LAB_SMTP_PORT=2525 LAB_SIP_DOMAIN=127.0.0.1

import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { KAMCMD_BIN, INSTALL_HINT, assertKamailioInstalled, startKamailio } from './kamailio/kamailio.mjs';
import { DEMO_PASSWORD, DEMO_TEAM } from './workspace/demo-team.mjs';
import { startTeamSide } from './workspace/team-side.mjs';

const DEMO_USERS = ['1001', '1002', '1003'].map((user) => ({ user, password: `pass${user}` }));
const DOMAIN = process.env.LAB_SIP_DOMAIN || '127.0.0.1';
const DEFAULT_WORKSPACE_FILE = '.server-data/workspace.sqlite';
const LAB_DATA_DIR = path.resolve('.lab-data');

/**
 * What to start: the team (default), plain SIP users (`--sip`), or Kamailio on a workspace file.
 * @returns {{ mode: 'team' } | { mode: 'sip' } | { mode: 'workspace-file', file: string, locationFile: string }}
 */
function modeFromArgs() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--workspace');
  const unknown = args.filter((a, i) => a !== '--workspace' && a !== '--sip' && !(at >= 0 && i === at + 1 && !a.startsWith('--')));
  if (unknown.length) fail(`unknown argument(s): ${unknown.join(' ')} (try: npm run lab, npm run lab -- --sip, npm run lab -- --workspace [file])`);
  if (args.includes('--sip')) return { mode: 'sip' };
  if (at < 0) return { mode: 'team' };
  const given = args[at + 1] && !args[at + 1]?.startsWith('--') ? /** @type {string} */ (args[at + 1]) : DEFAULT_WORKSPACE_FILE;
  const file = path.resolve(given);
  // Kamailio's own location file, beside the workspace file (server/db/location-file.ts).
  const locationFile = path.join(path.dirname(file), 'location.sqlite');
  for (const needed of [file, locationFile]) {
    if (!existsSync(needed)) fail(`${needed} does not exist. Start the workspace once with \`npm run server\` (it creates and migrates it), then run the lab again.`);
  }
  return { mode: 'workspace-file', file, locationFile };
}

/**
 * @param {string} name
 * @param {number} fallback
 */
function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${name}=${raw} is not a port number (1-65535).`);
  return port;
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`lab: ${message}`);
  process.exit(1);
}

function checkPlatform() {
  if (process.platform !== 'linux') {
    fail('the SIP lab needs Linux (Debian/Ubuntu) with Kamailio installed; it cannot run on ' + process.platform + '.');
  }
  try {
    assertKamailioInstalled();
  } catch {
    fail(`Kamailio is not installed. As root, run:\n\n  apt-get update && ${INSTALL_HINT}\n`);
  }
}

/**
 * @param {import('./kamailio/kamailio.mjs').KamailioHandle} kam
 * @param {{ file: string, locationFile: string }} files
 */
function printWorkspaceBanner(kam, { file, locationFile }) {
  console.log(`
Ringdesk SIP lab is running on the workspace (Kamailio, shipped config, loopback only).

  Kamailio reads              ${file}
  and writes registrations    ${locationFile}
  SIP domain                  ${kam.domain}

  Start the workspace against this Kamailio with:
    RINGDESK_SIP_DOMAIN=${kam.domain} RINGDESK_WS_SERVER=${kam.wsUrl} RINGDESK_KAMAILIO_RPC=${kam.rpcUrl} npm run server

  Agents sign in to the workspace from Ringdesk; desk phones register on udp:127.0.0.1:${kam.udpPort}.

  Registered devices:  ${KAMCMD_BIN} -s unix:${kam.ctlSocket} ul.dump
  Server log:          ${kam.logPath}

Ctrl+C to stop.
`);
}

/** @param {import('./kamailio/kamailio.mjs').KamailioHandle} kam */
function printBanner(kam) {
  const [first] = DEMO_USERS;
  const others = DEMO_USERS.slice(1).map((u) => `${u.user} / ${u.password}`).join(', ');
  console.log(`
Ringdesk SIP lab is running (Kamailio, loopback only).

  In Ringdesk's first-run screen, enter:
    Display name      anything you like
    SIP user          ${first?.user}
    Domain            ${kam.domain}
    Password          ${first?.password}
    WebSocket server  ${kam.wsUrl}

  Other demo users (for a second window or a SIP phone on udp:127.0.0.1:${kam.udpPort}): ${others}

  Registered devices:  ${KAMCMD_BIN} -s unix:${kam.ctlSocket} ul.dump
  Server log:          ${kam.logPath}

Ctrl+C to stop.
`);
}

/**
 * One human-readable line per interesting log entry.
 * @param {import('./kamailio/kamailio.mjs').LogEntry} e
 * @returns {string | null}
 */
function describe(e) {
  switch (e.event) {
    case 'REGISTER':
      if (e.contact === null) return null;
      return e.unregister
        ? `${e.user} unregistered`
        : `${e.user} registered from ${e.src} (${e.proto}), expires ${e.effectiveExpires ?? 'default'}`;
    case 'AUTH':
      return e.result === -2 || e.result === -3 ? `${e.user}: wrong user or password (${e.method})` : null;
    case 'INVITE':
      return e.indialog ? null : `call ${e.from} -> ${e.to}`;
    case 'REPLY':
      return e.method === 'INVITE' && e.code >= 180 ? `  ${e.to ?? '?'} answered ${e.code} ${e.reason ?? ''}` : null;
    case 'BYE':
      return `  hang-up by ${e.from}`;
    default:
      return null;
  }
}

/**
 * Prints new activity once a second.
 * @param {import('./kamailio/kamailio.mjs').KamailioHandle} kam
 */
function followActivity(kam) {
  let seen = 0;
  return setInterval(async () => {
    const entries = await kam.logLines();
    for (const entry of entries.slice(seen)) {
      const line = describe(entry);
      if (line) console.log(`[${new Date().toLocaleTimeString()}] ${line}`);
    }
    seen = entries.length;
  }, 1000);
}

/**
 * The team side (tests/support/workspace/team-side.mjs) with the demo team, in
 * `.lab-data/`; invitations sent later are printed as they arrive.
 * @param {{ wsPort: number, udpPort: number, rpcPort: number }} ports
 */
async function startTeam({ wsPort, udpPort, rpcPort }) {
  const workspacePort = portFromEnv('LAB_WORKSPACE_PORT', 8480);
  const smtpPort = portFromEnv('LAB_SMTP_PORT', 2525);
  let announceMail = false;
  const fresh = !existsSync(LAB_DATA_DIR);
  const team = await startTeamSide({
    dataDir: LAB_DATA_DIR,
    domain: DOMAIN,
    demo: true,
    ports: { ws: wsPort, udp: udpPort, rpc: rpcPort, workspace: workspacePort, smtp: smtpPort },
    onMail: (m) => {
      const link = m.links.find((l) => l.includes('/invite/'));
      if (announceMail && link) console.log(`[${new Date().toLocaleTimeString()}] invitation for ${m.to.join(', ')}: ${link}`);
    },
  }).catch((error) => {
    // Only this run wrote there (a team made earlier is left alone): start clean next time.
    if (fresh) rmSync(LAB_DATA_DIR, { recursive: true, force: true });
    fail(`${error.message}\n(ports: LAB_WS_PORT, LAB_UDP_PORT, LAB_RPC_PORT, LAB_WORKSPACE_PORT, LAB_SMTP_PORT)`);
  });
  announceMail = true;
  printTeamBanner(team.kamailio, team.url, team.demoCreated, smtpPort);
  return { kam: team.kamailio, stopAll: team.stop };
}

/**
 * @param {import('./kamailio/kamailio.mjs').KamailioHandle} kam
 * @param {string} url
 * @param {boolean} created
 * @param {number} smtpPort
 */
function printTeamBanner(kam, url, created, smtpPort) {
  const people = [{ ...DEMO_TEAM.owner, role: 'owner' }, ...DEMO_TEAM.agents];
  const rows = people.map((p) => `    ${p.email.padEnd(18)} ${p.fullName.padEnd(12)} ext ${p.extension}  ${p.role}`).join('\n');
  console.log(`
Ringdesk lab is running: the team workspace, Kamailio on its database, and a mail catcher (loopback only).

  In Ringdesk choose "Sign in to your team" and enter:
    Workspace address  ${url}
    Work email         ${DEMO_TEAM.owner.email}   (or another below)
    Password           ${DEMO_PASSWORD}
${created ? '' : `  (the team in ${LAB_DATA_DIR} was made by an earlier run; delete that folder for a fresh one)\n`}
  The demo team${created ? '' : ' as first made'}:
${rows}
  Group ${DEMO_TEAM.group.name} rings everyone at ${DEMO_TEAM.group.number}.

  Invitations you send from the app arrive at the mail catcher (smtp://127.0.0.1:${smtpPort});
  their links are printed here. Desk phones register on udp:127.0.0.1:${kam.udpPort}.

  Registered devices:  ${KAMCMD_BIN} -s unix:${kam.ctlSocket} ul.dump
  Kamailio log:        ${kam.logPath}

Ctrl+C to stop.
`);
}

async function main() {
  checkPlatform();
  const mode = modeFromArgs();
  // The team and a workspace file use the shipped config's own defaults (what
  // RINGDESK_WS_SERVER and the README assume); plain SIP keeps the ports it always had.
  const wsPort = portFromEnv('LAB_WS_PORT', mode.mode === 'sip' ? 8080 : 8088);
  const udpPort = portFromEnv('LAB_UDP_PORT', 5060);
  const rpcPort = portFromEnv('LAB_RPC_PORT', 8089);

  let kam;
  /** Stops everything the lab started. */
  let stopAll = async () => {};
  if (mode.mode === 'team') {
    ({ kam, stopAll } = await startTeam({ wsPort, udpPort, rpcPort }));
  } else {
    try {
      kam =
        mode.mode === 'workspace-file'
          ? await startKamailio({ database: { sqliteFile: mode.file, locationFile: mode.locationFile }, domain: DOMAIN, wsPort, udpPort, rpcPort, inviteAuth: true })
          : await startKamailio({ users: DEMO_USERS, domain: DOMAIN, wsPort, udpPort, rpcPort });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      fail(`${message}\n(choose other ports with LAB_WS_PORT=... LAB_UDP_PORT=... LAB_RPC_PORT=... npm run lab)`);
    }
    if (mode.mode === 'workspace-file') printWorkspaceBanner(kam, mode);
    else printBanner(kam);
    stopAll = kam.stop;
  }
  const ticker = followActivity(kam);

  let stopping = false;
  const shutdown = async (/** @type {string} */ signal) => {
    if (stopping) return;
    stopping = true;
    clearInterval(ticker);
    console.log(`\n${signal}: stopping...`);
    await stopAll();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // The ticker keeps the process alive; if Kamailio dies on its own, say so.
  const code = await kam.exited;
  if (!stopping) {
    clearInterval(ticker);
    await stopAll();
    // the temp dir (and its log) is removed on exit, so show the end of the log now
    const tail = (await kam.logText()).trimEnd().split('\n').slice(-15).join('\n');
    const how = code === null ? 'was killed by a signal' : `exited with code ${code}`;
    fail(`Kamailio ${how}. Last lines of its log:\n${tail}`);
  }
}

await main();
