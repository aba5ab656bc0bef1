import type { LivePublisher } from './live/event-bus';
import { randomUUID } from 'node:crypto';
import type { InvitationAccepted, InvitationSent, InvitationState } from '../../common/schemas/workspace/invitation';
import type { ServerConfig } from '../config';
import type { Database } from '../db/open-database';
import type { InvitationReason } from '../db/schema';
import { Refusal } from '../http/refusal';
import { expiryInWords, invitationEmail, invitationLink } from '../mail/invitation-email';
import { mailFailureIn, sendErrorText } from '../mail/mail-failure';
import type { Mailer } from '../mail/mailer';
import type { AuditActor } from './audit-trail';
import { hashBearerSecret, newBearerSecret } from './bearer-secrets';
import type { Clock } from './clock';
import type { ConfirmationRequest, ConfirmationRequests } from './confirmation-requests';
import { acceptInvitation } from './invitation-accept';
import { INVITATION_TTL_MS, readLink, type LinkState } from './invitation-links';
import { noLiveBindings } from './live-bindings';
import { writeTeam, type ServiceLog, type TeamDeps, type TeamTransaction } from './team-writes';

/**
 * Resends per agent per window. Counted from the `invitation` rows
 * themselves (reason `resent`), so every replica sees the same count; a
 * resend the mail server refused does not count — the admin had nothing.
 */
export const RESEND_LIMIT = { count: 3, windowMs: 60 * 60_000 } as const;

/** Dead links of an agent are kept this long (the old link can say what happened), then cleared. */
const KEEP_DEAD_LINKS_MS = 30 * 24 * 60 * 60_000;

export interface InvitationDeps {
  database: Database;
  config: Pick<ServerConfig, 'sipDomain' | 'publicUrl'>;
  clock: Clock;
  mailer: Mailer;
  log: ServiceLog;
  /** Connected admins see an invitee become active the moment the password is set. */
  live: LivePublisher;
}

/**
 * Invitations, end to end: the team services ask for one (the
 * {@link ConfirmationRequests} port), an admin resends, the invitee looks at
 * the link and accepts it.
 *
 * Issuing is one transaction under the team's write lock (a new link kills
 * every older live link of the agent); sending happens after the commit. A
 * mail server that fails leaves the invitation saved and the failure
 * recorded on its row (`send_failed_at`, `send_error`): nothing is lost,
 * and a resend tries again.
 */
export interface InvitationService extends ConfirmationRequests {
  /** What a link is worth now; never consumes it. */
  readLink(token: string): Promise<LinkState>;
  /** A new link for a pending agent, the old one dead; rate-limited per agent. */
  resend(agentId: string, actor: AuditActor & { agentId: string }, log: ServiceLog): Promise<InvitationSent>;
  /** The agent's open invitation (sent, or not delivered and why); `not-found` when there is no such agent. */
  state(agentId: string): Promise<InvitationState>;
  /** Sets the password and confirms the agent (see invitation-accept.ts). */
  accept(token: string, password: string, address: string): Promise<InvitationAccepted>;
}

interface Issued {
  invitationId: string;
  token: string;
  expiresAt: number;
  to: string;
  fullName: string;
  reason: InvitationReason;
  inviterName: string | null;
  workspaceName: string;
  timeZone: string;
}

export function createInvitationService(deps: InvitationDeps): InvitationService {
  // The team's lock and transaction; accepting drops no bindings and asks for no confirmation.
  const team: TeamDeps = { ...deps, bindings: noLiveBindings, confirmations: undefined };

  async function deliver(issued: Issued): Promise<void> {
    const message = invitationEmail(issued.to, {
      fullName: issued.fullName,
      workspaceName: issued.workspaceName,
      inviterName: issued.inviterName,
      reason: issued.reason,
      link: invitationLink(deps.config.publicUrl, issued.token),
      expiresText: expiryInWords(issued.expiresAt, issued.timeZone),
    });
    const { db } = deps.database;
    try {
      await deps.mailer.send(message);
    } catch (err) {
      await db.updateTable('invitation').set({ send_failed_at: deps.clock.now(), send_error: sendErrorText(err) }).where('id', '=', issued.invitationId).execute();
      throw err;
    }
    await db.updateTable('invitation').set({ sent_at: deps.clock.now(), send_failed_at: null, send_error: null }).where('id', '=', issued.invitationId).execute();
  }

  return {
    async request(event: ConfirmationRequest) {
      const issued = await writeTeam(team, async (trx) => {
        const agent = await trx.selectFrom('agent').select(['status', 'email']).where('id', '=', event.agentId).executeTakeFirst();
        // Changed again since (deleted, disabled, another address): that change asked for its own, or none.
        if (!agent || agent.status !== 'pending' || agent.email !== event.email) return null;
        return issue(trx, deps.clock.now(), { agentId: event.agentId, reason: event.reason, requestedBy: event.requestedBy });
      });
      if (issued) await deliver(issued);
    },

    readLink: (token) => readLink(deps.database.db, token, deps.clock.now()),

    async resend(agentId, actor, log) {
      const issued = await writeTeam(team, async (trx) => {
        const agent = await trx.selectFrom('agent').select('status').where('id', '=', agentId).executeTakeFirst();
        if (!agent) throw new Refusal('not-found');
        // Nothing to confirm: an active agent has accepted; a disabled one is enabled first (which invites it).
        if (agent.status === 'active') throw new Refusal('agent-already-active');
        if (agent.status === 'disabled') throw new Refusal('account-disabled');
        const now = deps.clock.now();
        const recent = await trx
          .selectFrom('invitation')
          .select('created_at')
          .where('agent_id', '=', agentId)
          .where('reason', '=', 'resent')
          .where('send_failed_at', 'is', null)
          .where('created_at', '>', now - RESEND_LIMIT.windowMs)
          .orderBy('created_at', 'asc')
          .execute();
        if (recent.length >= RESEND_LIMIT.count) {
          // A slot frees when the oldest of the last `count` leaves the window.
          const frees = recent[recent.length - RESEND_LIMIT.count]!.created_at + RESEND_LIMIT.windowMs;
          throw new Refusal('rate-limited', { retryAfterSec: Math.max(1, Math.ceil((frees - now) / 1000)) });
        }
        return issue(trx, now, { agentId, reason: 'resent', requestedBy: actor.agentId });
      });
      try {
        await deliver(issued);
        return { agentId, expiresAt: issued.expiresAt, mail: 'sent' };
      } catch (err) {
        log.error({ err, agentId }, 'invitation saved, but its email could not be sent');
        return { agentId, expiresAt: issued.expiresAt, mail: 'failed' };
      }
    },

    async state(agentId) {
      const { db } = deps.database;
      const agent = await db.selectFrom('agent').select(['status', 'email']).where('id', '=', agentId).executeTakeFirst();
      if (!agent) throw new Refusal('not-found');
      if (agent.status !== 'pending') return { invitation: null };
      // The newest link for the address it has now: older ones are dead, and one for an old address confirms nothing.
      const row = await db
        .selectFrom('invitation')
        .selectAll()
        .where('agent_id', '=', agentId)
        .where('email', '=', agent.email)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      if (!row) return { invitation: null };
      return {
        invitation: { email: row.email, createdAt: row.created_at, expiresAt: row.expires_at, sentAt: row.sent_at, failedAt: row.send_failed_at, failure: mailFailureIn(row.send_error) },
      };
    },

    accept: (token, password, address) => acceptInvitation(team, token, password, address),
  };
}

/**
 * A new link for the agent, in the caller's transaction: every older live
 * link of the agent dies (revoked, kept a while so it can say so), and the
 * token itself is returned once — only its hash is stored.
 */
async function issue(trx: TeamTransaction, now: number, what: { agentId: string; reason: InvitationReason; requestedBy: string | null }): Promise<Issued> {
  const agent = await trx.selectFrom('agent').select(['email', 'full_name']).where('id', '=', what.agentId).executeTakeFirstOrThrow();
  await trx.updateTable('invitation').set({ revoked_at: now }).where('agent_id', '=', what.agentId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
  await trx.deleteFrom('invitation').where('agent_id', '=', what.agentId).where('created_at', '<', now - KEEP_DEAD_LINKS_MS).execute();
  const token = newBearerSecret();
  const invitationId = randomUUID();
  const expiresAt = now + INVITATION_TTL_MS;
  await trx
    .insertInto('invitation')
    .values({
      id: invitationId,
      agent_id: what.agentId,
      token_hash: hashBearerSecret(token),
      email: agent.email,
      expires_at: expiresAt,
      used_at: null,
      created_at: now,
      reason: what.reason,
      requested_by: what.requestedBy,
      revoked_at: null,
      sent_at: null,
      send_failed_at: null,
      send_error: null,
    })
    .execute();
  const workspace = await trx.selectFrom('workspace').select(['name', 'time_zone']).executeTakeFirst();
  const inviter = what.requestedBy && what.requestedBy !== what.agentId ? await trx.selectFrom('agent').select('full_name').where('id', '=', what.requestedBy).executeTakeFirst() : undefined;
  return {
    invitationId,
    token,
    expiresAt,
    to: agent.email,
    fullName: agent.full_name,
    reason: what.reason,
    inviterName: inviter?.full_name ?? null,
    workspaceName: workspace?.name ?? '',
    timeZone: workspace?.time_zone ?? 'UTC',
  };
}
