import { invitationTokenSchema } from '../../common/schemas/workspace/invitation';
import type { WorkspaceProblem } from '../../common/schemas/workspace/problems';
import type { Database } from '../db/open-database';
import { hashBearerSecret } from './bearer-secrets';
import type { TeamTransaction } from './team-writes';

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

/**
 * What a link from an invitation email is worth, right now. Looking does
 * not consume it (mail scanners and link previews open links): only
 * accepting it does.
 *
 *   issued ──accepted──► used
 *     │ ├──7 days pass──► expired
 *     │ └──newer invitation, or the agent stopped waiting (disabled)──► revoked
 *   any other text ──► unknown (never issued, mistyped, tampered with)
 */
export type LinkState =
  | { kind: 'valid'; invitation: LiveInvitation }
  | { kind: 'expired' | 'used' | 'revoked' | 'unknown' };

export interface LiveInvitation {
  id: string;
  agentId: string;
  email: string;
  fullName: string;
  sipUser: string;
  workspaceName: string;
  expiresAt: number;
}

type Db = Database['db'] | TeamTransaction;

export async function readLink(db: Db, token: string, now: number): Promise<LinkState> {
  if (!invitationTokenSchema.safeParse(token).success) return { kind: 'unknown' };
  const row = await db
    .selectFrom('invitation')
    .innerJoin('agent', 'agent.id', 'invitation.agent_id')
    .leftJoin('workspace', (join) => join.onTrue())
    .select([
      'invitation.id',
      'invitation.agent_id',
      'invitation.email',
      'invitation.expires_at',
      'invitation.used_at',
      'invitation.revoked_at',
      'agent.email as agent_email',
      'agent.status',
      'agent.full_name',
      'agent.sip_user',
      'workspace.name as workspace_name',
    ])
    .where('invitation.token_hash', '=', hashBearerSecret(token))
    .executeTakeFirst();
  if (!row) return { kind: 'unknown' };
  if (row.used_at !== null) return { kind: 'used' };
  // An address that changed since is confirmed by the newer link only; a disabled agent is not waiting any more.
  if (row.revoked_at !== null || row.status !== 'pending' || row.email !== row.agent_email) return { kind: 'revoked' };
  if (row.expires_at <= now) return { kind: 'expired' };
  return {
    kind: 'valid',
    invitation: { id: row.id, agentId: row.agent_id, email: row.email, fullName: row.full_name, sipUser: row.sip_user, workspaceName: row.workspace_name ?? '', expiresAt: row.expires_at },
  };
}

/** The code the JSON route answers with for a link that cannot be accepted. */
export function problemOfLink(state: Exclude<LinkState['kind'], 'valid'>): WorkspaceProblem {
  return state === 'expired' ? 'invitation-expired' : state === 'used' ? 'invitation-used' : 'invitation-invalid';
}
