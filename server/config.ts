import path from 'node:path';
import { z } from 'zod';
import { CONNECTION_TICK_MS, PRESENCE_GRACE_MS } from './services/live/connection-presence';

/**
 * The service's settings, from the environment, with defaults that make
 * `npm run server` work on a laptop with nothing to configure: SQLite in
 * `.server-data/`, loopback only, mail printed to the log.
 */
export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  sqliteFile: string;
  /** PostgreSQL when set (postgres://…); SQLite otherwise. */
  databaseUrl: string | undefined;
  /** Where people reach the service: used in invitation links. */
  publicUrl: string;
  /** The SIP domain agents register in, and the WebSocket address the app connects to. */
  sipDomain: string;
  wsServer: string;
  /** Kamailio's JSON-RPC over HTTP (jsonrpcs): dropping bindings of removed agents. */
  kamailioRpcUrl: string | undefined;
  /** smtp:// or smtps:// with credentials; unset = mail goes to the log (development). */
  smtpUrl: string | undefined;
  mailFrom: string;
  tls: { certFile: string; keyFile: string } | undefined;
  /** Set when a TLS proxy sits in front, so a non-loopback plain listener is allowed. */
  behindTlsProxy: boolean;
  /** An app gone this long shows Offline; each replica refreshes its connections and sweeps every `tickMs` (services/live/connection-presence.ts). */
  presence: { graceMs: number; tickMs: number };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

const envSchema = z.object({
  RINGDESK_SERVER_HOST: z.string().default('127.0.0.1'),
  RINGDESK_SERVER_PORT: z.coerce.number().int().min(0).max(65535).default(8480),
  RINGDESK_DATA_DIR: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// (unset it to use SQLite)')
    .optional(),
  RINGDESK_PUBLIC_URL: z.url().optional(),
  RINGDESK_SIP_DOMAIN: z.string().default('127.0.0.1'),
  RINGDESK_WS_SERVER: z.string().default('ws://127.0.0.1:8088'),
  RINGDESK_KAMAILIO_RPC: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Ringdesk <no-reply@ringdesk.invalid>'),
  RINGDESK_TLS_CERT: z.string().optional(),
  RINGDESK_TLS_KEY: z.string().optional(),
  RINGDESK_BEHIND_TLS_PROXY: z.enum(['0', '1']).default('0'),
  RINGDESK_PRESENCE_GRACE_SEC: z.coerce.number().min(0.5).max(3600).default(PRESENCE_GRACE_MS / 1000),
  RINGDESK_PRESENCE_TICK_SEC: z.coerce.number().min(0.1).max(60).default(CONNECTION_TICK_MS / 1000),
});

/** Reads the environment; throws one readable message per wrong setting. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`server settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.RINGDESK_DATA_DIR ?? '.server-data');
  const tls = e.RINGDESK_TLS_CERT && e.RINGDESK_TLS_KEY ? { certFile: e.RINGDESK_TLS_CERT, keyFile: e.RINGDESK_TLS_KEY } : undefined;
  if ((e.RINGDESK_TLS_CERT || e.RINGDESK_TLS_KEY) && !tls) throw new Error('server settings: set both RINGDESK_TLS_CERT and RINGDESK_TLS_KEY, or neither');
  const config: ServerConfig = {
    host: e.RINGDESK_SERVER_HOST,
    port: e.RINGDESK_SERVER_PORT,
    dataDir,
    sqliteFile: path.join(dataDir, 'workspace.sqlite'),
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.RINGDESK_PUBLIC_URL ?? `${tls ? 'https' : 'http'}://${e.RINGDESK_SERVER_HOST}:${e.RINGDESK_SERVER_PORT}`).replace(/\/$/, ''),
    sipDomain: e.RINGDESK_SIP_DOMAIN,
    wsServer: e.RINGDESK_WS_SERVER,
    kamailioRpcUrl: e.RINGDESK_KAMAILIO_RPC,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    tls,
    behindTlsProxy: e.RINGDESK_BEHIND_TLS_PROXY === '1',
    presence: { graceMs: Math.round(e.RINGDESK_PRESENCE_GRACE_SEC * 1000), tickMs: Math.round(e.RINGDESK_PRESENCE_TICK_SEC * 1000) },
  };
  assertTransportIsSafe(config);
  return config;
}

/**
 * Why — do not relax without a security review: passwords and tokens cross
 * this listener. Plain HTTP is only for loopback (as ws:// is in the app);
 * anywhere else the service takes a certificate or sits behind a TLS proxy.
 */
export function assertTransportIsSafe(config: Pick<ServerConfig, 'host' | 'tls' | 'behindTlsProxy'>): void {
  if (!config.tls && !config.behindTlsProxy && !LOOPBACK.test(config.host)) {
    throw new Error(
      `server settings: refusing plain HTTP on ${config.host}. Set RINGDESK_TLS_CERT and RINGDESK_TLS_KEY, or RINGDESK_BEHIND_TLS_PROXY=1 when a TLS proxy forwards to this port.`,
    );
  }
}
