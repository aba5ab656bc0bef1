import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/open-database';
import type { Clock } from './clock';
import { sharedSecret } from './server-secrets';

/** Short on purpose: a stolen access token is worth minutes; the refresh token rotates. */
export const ACCESS_TOKEN_TTL_MS = 10 * 60_000;

export interface AccessTokens {
  /** A signed token naming the agent, valid for {@link ACCESS_TOKEN_TTL_MS}. */
  issue(agentId: string): Promise<{ token: string; expiresAt: number }>;
  /** The agent id when the token is ours and not expired; null otherwise (never throws). */
  verify(token: string): Promise<string | null>;
  /** The agent id and expiry when the token is ours and not expired (the push channel closes at `expiresAt`). */
  claims(token: string): Promise<{ agentId: string; expiresAt: number } | null>;
}

/**
 * Access tokens as `v1.<payload>.<hmac>` (base64url), signed with a key kept
 * in the database so every replica accepts every other's tokens. The token
 * only proves who is asking: role and status are read fresh on each request,
 * so demoting or disabling an agent takes effect at once.
 */
export function createAccessTokens(database: Database, clock: Clock): AccessTokens {
  let key: Promise<Buffer> | undefined;
  const signingKey = () => (key ??= sharedSecret(database, 'access-token-key'));
  const sign = async (payload: string) => createHmac('sha256', await signingKey()).update(payload).digest('base64url');
  return {
    async issue(agentId) {
      const expiresAt = clock.now() + ACCESS_TOKEN_TTL_MS;
      const payload = Buffer.from(JSON.stringify({ sub: agentId, exp: expiresAt })).toString('base64url');
      return { token: `v1.${payload}.${await sign(payload)}`, expiresAt };
    },
    verify: async (token) => (await claims(token))?.agentId ?? null,
    claims,
  };

  async function claims(token: string): Promise<{ agentId: string; expiresAt: number } | null> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== 'v1' || token.length > 1000) return null;
    const [, payload = '', mac = ''] = parts;
    const expected = Buffer.from(await sign(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown };
      if (typeof parsed.sub !== 'string' || typeof parsed.exp !== 'number' || parsed.exp <= clock.now()) return null;
      return { agentId: parsed.sub, expiresAt: parsed.exp };
    } catch {
      return null;
    }
  }
}
