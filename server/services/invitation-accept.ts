import { announceAgents } from './live-announcements';
import type { InvitationAccepted } from '../../common/schemas/workspace/invitation';
import { Refusal } from '../http/refusal';
import { recordChanges } from './audit-trail';
import { readLink, problemOfLink } from './invitation-links';
import { hashPassword } from './passwords';
import { createSignInThrottle } from './sign-in-throttle';
import { digestHashes, provisionSubscriber } from './sip-provisioning';
import { routeConfirmedAgent, teamSipDomain } from './team-routing';
import { writeTeam, type TeamDeps } from './team-writes';

/**
 * The invitee sets a password: in ONE transaction under the team's write
 * lock the link is spent, the agent becomes active with its argon2id hash,
 * Kamailio's `subscriber` row gets its HA1/HA1B, and its extension and
 * groups' numbers ring it (`routeConfirmedAgent`). From the commit on,
 * sign-in works and Kamailio accepts its REGISTER.
 *
 * Two accepts racing with one link (a double click, two tabs, two
 * replicas): the lock serialises them and the link is read again inside it,
 * so exactly one wins; the other is told `invitation-used`. The link is
 * checked before hashing too, so a dead or made-up link costs no argon2 run,
 * and the ~60 ms hash never holds the lock.
 */
export async function acceptInvitation(deps: TeamDeps, token: string, password: string, address: string): Promise<InvitationAccepted> {
  const { db } = deps.database;
  const before = await readLink(db, token, deps.clock.now());
  if (before.kind !== 'valid') throw new Refusal(problemOfLink(before.kind));
  const { agentId, sipUser, email } = before.invitation;
  const domain = await teamSipDomain(db, deps.config);
  const passwordHash = await hashPassword(password);
  const digests = digestHashes(sipUser, domain, password);

  await writeTeam(deps, async (trx, after) => {
    const now = deps.clock.now();
    const link = await readLink(trx, token, now);
    if (link.kind !== 'valid') throw new Refusal(problemOfLink(link.kind));
    const spent = await trx.updateTable('invitation').set({ used_at: now }).where('id', '=', link.invitation.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) throw new Refusal('invitation-used');
    await trx.updateTable('invitation').set({ revoked_at: now }).where('agent_id', '=', agentId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
    await trx
      .updateTable('agent')
      .set((eb) => ({ status: 'active', password_hash: passwordHash, version: eb('version', '+', 1), updated_at: now, updated_by: agentId }))
      .where('id', '=', agentId)
      .execute();
    await provisionSubscriber(trx, sipUser, domain, digests);
    await routeConfirmedAgent(trx, domain, agentId);
    await recordChanges(trx, now, { agentId, address }, { kind: 'agent', id: agentId }, [{ field: 'status', oldValue: 'pending', newValue: 'active' }]);
    await announceAgents(trx, after, [agentId]);
  });

  // Whoever holds the link owns the address: attempts made while the account was pending no longer count against it.
  await createSignInThrottle(deps.database, deps.clock).clearAccount(email);
  return { agentId, email };
}
