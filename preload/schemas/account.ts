import { z } from 'zod';

/**
 * The SIP account as the agent types it on the first-run screen.
 * Shared by main (which validates every IPC payload with it) and the
 * renderer (which shows the same messages next to each field).
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** A host name or IP literal, no scheme, no port, no user part. */
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)$/i;
/** RFC 3261 user part, minus escapes: what PBX extensions and user names use. */
const SIP_USER = /^[a-z0-9\-_.!~*'()&=+$,;?/]+$/i;

/** Splits "1001", "1001@pbx.example.com" or "sip:1001@pbx.example.com" into user and host. */
export function parseSipIdentity(input: string): { user: string; host: string | null } | null {
  const text = input.trim().replace(/^sips?:/i, '');
  const at = text.lastIndexOf('@');
  const user = at === -1 ? text : text.slice(0, at);
  const host = at === -1 ? null : text.slice(at + 1).replace(/:\d+$/, '');
  if (!user || !SIP_USER.test(user)) return null;
  if (host !== null && !HOST.test(host)) return null;
  return { user, host: host?.toLowerCase() ?? null };
}

/** Why a WebSocket server URL is refused, or null when it is fine. */
export function checkWebSocketUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return 'Enter the full address, e.g. wss://pbx.example.com:8089/ws';
  }
  if (url.protocol === 'wss:') return null;
  if (url.protocol === 'ws:') {
    return LOOPBACK_HOSTS.has(url.hostname)
      ? null
      : 'Unencrypted ws:// is only allowed for a server on this computer; use wss://';
  }
  return 'The address must start with wss:// (or ws:// for a server on this computer)';
}

const ICE_URL = /^(stun|stuns|turn|turns):[^\s]+$/i;

export const iceServerSchema = z.object({
  urls: z.string().trim().regex(ICE_URL, 'Use a stun:, turn: or turns: address, e.g. stun:stun.example.com:3478'),
  username: z.string().trim().max(256).optional(),
  /** Write-only: main stores it encrypted and never sends it back; left out, the saved one for the same address is kept. */
  credential: z.string().max(256).optional(),
});
export type IceServerInput = z.infer<typeof iceServerSchema>;

export const accountFieldsSchema = z
  .object({
    displayName: z.string().trim().min(1, 'Enter the name callers should see').max(64, 'Keep the name under 64 characters'),
    sipUser: z
      .string()
      .trim()
      .min(1, 'Enter your SIP user or address, e.g. 1001 or sip:1001@pbx.example.com')
      .max(256)
      .refine((v) => parseSipIdentity(v) !== null, 'This is not a SIP user or address (e.g. 1001 or sip:1001@pbx.example.com)'),
    authUser: z.string().trim().max(128).optional().default(''),
    domain: z
      .string()
      .trim()
      .max(253)
      .optional()
      .default('')
      .refine((v) => v === '' || HOST.test(v), 'Enter a host name such as pbx.example.com, without sip: or a port'),
    realm: z.string().trim().max(253).optional().default(''),
    wsServer: z
      .string()
      .trim()
      .min(1, 'Enter the WebSocket address of your phone server')
      .max(2048)
      .superRefine((v, ctx) => {
        const problem = checkWebSocketUrl(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    iceServers: z.array(iceServerSchema).max(8, 'At most 8 ICE servers').optional().default([]),
  })
  .superRefine((a, ctx) => {
    const id = parseSipIdentity(a.sipUser);
    if (id && !id.host && !a.domain) {
      ctx.addIssue({ code: 'custom', path: ['domain'], message: 'Enter the domain, or write the SIP user as user@domain' });
    }
  });

/** What the setup form sends. `password` may be omitted to keep the stored one. */
export const accountInputSchema = z.object({
  fields: accountFieldsSchema,
  password: z.string().max(256).optional(),
});
export type AccountInput = z.input<typeof accountInputSchema>;
export type AccountFields = z.output<typeof accountFieldsSchema>;

/** The account as the renderer may see it: no secrets. */
export interface AccountSummary {
  displayName: string;
  /** Canonical address of record, e.g. sip:1001@pbx.example.com */
  aor: string;
  fields: Omit<AccountFields, 'iceServers'> & { iceServers: Array<Omit<IceServerInput, 'credential'> & { hasCredential: boolean }> };
  hasPassword: boolean;
}

/**
 * What the renderer's SIP engine needs to register. Carries the digest HA1
 * (MD5 of user:realm:password) rather than the password itself, so the
 * plain password never has to leave main after it is typed.
 */
export interface EngineAccount {
  aor: string;
  displayName: string;
  authorizationUsername: string;
  authorizationHa1: string;
  realm: string;
  wsServer: string;
  iceServers: Array<{ urls: string; username?: string; credential?: string }>;
  /** Requested registration lifetime, seconds. */
  registerExpires: number;
  /**
   * This installation's UUID (RFC 5626 +sip.instance), the same across
   * restarts and reloads, so each new REGISTER replaces the binding the last
   * engine left. Absent for a one-off "Test connection", which must not
   * touch the live binding.
   */
  instanceId?: string;
}
