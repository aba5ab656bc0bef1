import { randomUUID } from 'node:crypto';
import type { Session } from '../../common/schemas/workspace/auth';
import { Refusal } from '../http/refusal';
import type { ServerContext } from '../server-context';
import { loadAgentView } from './agent-view';
import { hashBearerSecret as hashToken, newBearerSecret } from './bearer-secrets';
import { provisionedSipAccount } from './sip-account';

/** How long an unused refresh token lives; each refresh starts a new one, so an app in daily use stays signed in. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;

type SessionContext = Pick<ServerContext, 'database' | 'config' | 'clock' | 'tokens'>;

/**
 * A session for an agent who just proved who they are (sign-in, workspace
 * creation): an access token, a refresh token starting a new family, the
 * agent and its SIP account.
 */
export function startSession(context: SessionContext, agentId: string): Promise<Session> {
  return issueSession(context, agentId, randomUUID());
}

/**
 * Trades a refresh token for a new session (rotation): the old token is
 * spent. Presenting a spent token again means two parties hold it — the
 * agent and a thief — so the whole family is revoked and both must sign in
 * again (`session-ended`). Unknown, expired and revoked tokens get the same
 * answer.
 */
export async function refreshSession(context: SessionContext, refreshToken: string): Promise<Session> {
  const { db } = context.database;
  const now = context.clock.now();
  const row = await db
    .selectFrom('refresh_token')
    .innerJoin('agent', 'agent.id', 'refresh_token.agent_id')
    .select(['refresh_token.id', 'refresh_token.family_id', 'refresh_token.agent_id', 'refresh_token.expires_at', 'refresh_token.used_at', 'refresh_token.revoked_at', 'agent.status'])
    .where('refresh_token.token_hash', '=', hashToken(refreshToken))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.expires_at <= now) throw new Refusal('session-ended');
  // Spend it atomically: of two requests racing with one token, only one updates the row.
  const spent = row.used_at === null ? await db.updateTable('refresh_token').set({ used_at: now }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst() : undefined;
  if (!spent || spent.numUpdatedRows === 0n) {
    await revokeFamily(context, row.family_id);
    throw new Refusal('session-ended');
  }
  // A family is over once any of its tokens is revoked. Checked after spending, and on the next refresh too, so a
  // token issued while a replay was revoking the family (two replicas racing) is dead on arrival at its first use.
  if (await familyEnded(context, row.family_id)) throw new Refusal('session-ended');
  if (row.status !== 'active') {
    await revokeFamily(context, row.family_id);
    throw new Refusal(row.status === 'disabled' ? 'account-disabled' : 'session-ended');
  }
  return issueSession(context, row.agent_id, row.family_id);
}

/** Signing out: the token's whole family stops working. Unknown tokens are ignored (nothing to end, nothing to reveal). */
export async function endSession(context: SessionContext, refreshToken: string): Promise<void> {
  const row = await context.database.db.selectFrom('refresh_token').select('family_id').where('token_hash', '=', hashToken(refreshToken)).executeTakeFirst();
  if (row) await revokeFamily(context, row.family_id);
}

async function familyEnded(context: SessionContext, familyId: string): Promise<boolean> {
  const revoked = await context.database.db.selectFrom('refresh_token').select('id').where('family_id', '=', familyId).where('revoked_at', 'is not', null).limit(1).executeTakeFirst();
  return revoked !== undefined;
}

async function revokeFamily(context: SessionContext, familyId: string): Promise<void> {
  await context.database.db.updateTable('refresh_token').set({ revoked_at: context.clock.now() }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
}

async function issueSession(context: SessionContext, agentId: string, familyId: string): Promise<Session> {
  const agent = await loadAgentView(context.database.db, agentId);
  if (!agent) throw new Refusal('session-ended');
  const sip = await provisionedSipAccount(context.database, context.config, agent);
  const access = await context.tokens.issue(agentId);
  const refreshToken = newBearerSecret();
  const now = context.clock.now();
  const refreshExpiresAt = now + REFRESH_TOKEN_TTL_MS;
  await context.database.db
    .insertInto('refresh_token')
    .values({ id: randomUUID(), agent_id: agentId, token_hash: hashToken(refreshToken), family_id: familyId, expires_at: refreshExpiresAt, used_at: null, revoked_at: null, created_at: now })
    .execute();
  return { accessToken: access.token, accessExpiresAt: access.expiresAt, refreshToken, refreshExpiresAt, agent, sip };
}
