// The team side as one piece, for the lab and the end-to-end tests: a mail
// catcher, the workspace service (which creates and migrates its database),
// Kamailio from the shipped config on that database, and — when asked — the
// demo team made through the service's own routes.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort, startKamailio } from '../kamailio/kamailio.mjs';
import { createDemoTeam } from './demo-team.mjs';
import { startSmtpInbox } from '../smtp-inbox.ts';
import { startWorkspaceProcess } from './workspace-process.mjs';

/**
 * @typedef {object} TeamSideOptions
 * @property {string} dataDir        the service's data dir (its SQLite file lives there)
 * @property {string} domain         SIP domain
 * @property {boolean} demo          make the demo team if the workspace is empty
 * @property {{ ws?: number, udp?: number, rpc?: number, workspace?: number, smtp?: number }} [ports]  unset: free ones
 * @property {(mail: import('../smtp-inbox.ts').ReceivedMail) => void} [onMail]
 */

/**
 * @typedef {object} TeamSide
 * @property {string} url                 the workspace address the app signs in to
 * @property {import('../kamailio/kamailio.mjs').KamailioHandle} kamailio
 * @property {import('../smtp-inbox.ts').SmtpInbox} mail
 * @property {import('./workspace-process.mjs').WorkspaceProcess} workspace
 * @property {boolean} demoCreated        the demo team was made by this start
 * @property {() => Promise<void>} stop
 */

/**
 * Starts in order, and stops what already started when a later part fails
 * (the error says which part, with its own words).
 * @param {TeamSideOptions} options
 * @returns {Promise<TeamSide>}
 */
export async function startTeamSide(options) {
  const ports = {
    ws: options.ports?.ws ?? (await freePort('tcp')),
    udp: options.ports?.udp ?? (await freePort('udp')),
    rpc: options.ports?.rpc ?? (await freePort('tcp')),
    workspace: options.ports?.workspace ?? (await freePort('tcp')),
  };
  /** @type {(() => Promise<unknown>)[]} */
  const started = [];
  const stop = async () => {
    for (const part of started.reverse()) await part().catch(() => {});
  };
  const step = async (/** @type {string} */ what, /** @type {() => Promise<any>} */ run) => {
    try {
      return await run();
    } catch (error) {
      await stop();
      throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const mail = await step(`the mail catcher (port ${options.ports?.smtp ?? 'any'})`, () => startSmtpInbox({ port: options.ports?.smtp, onMail: options.onMail }));
  started.push(mail.stop);
  mkdirSync(options.dataDir, { recursive: true });
  const url = `http://127.0.0.1:${ports.workspace}`;
  const workspace = await step(`the workspace service (port ${ports.workspace})`, () =>
    startWorkspaceProcess({
      port: ports.workspace,
      env: {
        RINGDESK_DATA_DIR: options.dataDir,
        RINGDESK_PUBLIC_URL: url,
        RINGDESK_SIP_DOMAIN: options.domain,
        RINGDESK_WS_SERVER: `ws://127.0.0.1:${ports.ws}`,
        RINGDESK_KAMAILIO_RPC: `http://127.0.0.1:${ports.rpc}/RPC`,
        SMTP_URL: mail.url,
        MAIL_FROM: 'Ringdesk <team@ringdesk.test>',
        // SQLite in dataDir, whatever the caller's shell says.
        DATABASE_URL: '',
      },
    }),
  );
  started.push(workspace.stop);
  const kamailio = await step('Kamailio', () =>
    // The service made both files in dataDir: its own, and Kamailio's location file (server/db/location-file.ts).
    startKamailio({ database: { sqliteFile: path.join(options.dataDir, 'workspace.sqlite'), locationFile: path.join(options.dataDir, 'location.sqlite') }, domain: options.domain, wsPort: ports.ws, udpPort: ports.udp, rpcPort: ports.rpc, inviteAuth: true }),
  );
  started.push(kamailio.stop);
  const demoCreated = options.demo ? await step('the demo team', () => createDemoTeam(url, mail)) : false;
  return { url, kamailio, mail, workspace, demoCreated, stop };
}
