/**
 * Pure checks of what an agent types as a SIP identity or server address.
 * Runs anywhere (no URL, DOM or Node needed); answers with codes, never text.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A host name or IP literal, no scheme, no port, no user part. */
export const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)$/i;
/** RFC 3261 user part, minus escapes: what PBX extensions and user names use. */
const SIP_USER = /^[a-z0-9\-_.!~*'()&=+$,;?/]+$/i;
/** scheme://host[:port][/path…]: the shape of a server address. */
const SERVER_URL = /^([a-z][a-z0-9+.-]*):\/\/(\[[0-9a-f:.]+\]|[^\s/:?#[\]@]+)(?::(\d{1,5}))?(?:[/?#]\S*)?$/i;

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

/** Why a WebSocket server address cannot be used. */
export type WebSocketUrlProblem = 'ws-server-not-a-url' | 'ws-server-insecure' | 'ws-server-scheme';

/** Why a workspace (team server) address cannot be used. */
export type WorkspaceUrlProblem = 'workspace-url-not-a-url' | 'workspace-url-insecure' | 'workspace-url-scheme';

/**
 * The one rule for every server address the app is given: the secure scheme
 * anywhere, the plain one only on this computer (a server on loopback is
 * reached without crossing a network).
 */
function checkServerUrl(input: string, secure: string, plain: string): 'not-a-url' | 'insecure' | 'scheme' | null {
  const match = SERVER_URL.exec(input.trim());
  const port = match?.[3];
  if (!match || !HOST.test(match[2] ?? '') || (port !== undefined && Number(port) > 65_535)) return 'not-a-url';
  const scheme = match[1]!.toLowerCase();
  if (scheme === secure) return null;
  if (scheme === plain) return LOOPBACK_HOSTS.has(match[2]!.toLowerCase()) ? null : 'insecure';
  return 'scheme';
}

/** Why a WebSocket server address is refused, or null when it is fine: wss:// anywhere, ws:// only on this computer. */
export function checkWebSocketUrl(input: string): WebSocketUrlProblem | null {
  const problem = checkServerUrl(input, 'wss', 'ws');
  return problem && `ws-server-${problem}`;
}

/** Why a workspace address is refused, or null: https:// anywhere, http:// only on this computer. */
export function checkWorkspaceUrl(input: string): WorkspaceUrlProblem | null {
  const problem = checkServerUrl(input, 'https', 'http');
  return problem && `workspace-url-${problem}`;
}
