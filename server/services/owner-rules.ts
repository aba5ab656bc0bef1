import type { AgentRole, AgentStatus } from '../../common/schemas/workspace/agent';

/**
 * The Owner rules, as plain decisions (no database):
 * - there is exactly one Owner, so the Owner can never demote, disable or
 *   delete themselves (`last-owner`) — ownership is handed over instead:
 *   the Owner gives another agent the role `owner` and becomes an
 *   Administrator in the same change;
 * - only the Owner makes someone Owner, and an Administrator cannot change
 *   the Owner's role, email or status, nor delete the Owner (`owner-only`):
 *   changing the email or disabling would lock the Owner out.
 */

export type OwnerProblem = 'owner-only' | 'last-owner';

export interface OwnerRuleActor {
  agentId: string;
  role: AgentRole;
}

export interface OwnerRuleTarget {
  id: string;
  role: AgentRole;
}

export interface AgentChangeKinds {
  role?: AgentRole | undefined;
  emailChanges?: boolean;
  status?: Exclude<AgentStatus, 'pending'> | undefined;
}

/** Why `actor` may not make this change to `target`, or null when the Owner rules allow it. */
export function ownerProblemOfChange(actor: OwnerRuleActor, target: OwnerRuleTarget, change: AgentChangeKinds): OwnerProblem | null {
  const self = actor.agentId === target.id;
  const actorIsOwner = actor.role === 'owner';
  const roleChanges = change.role !== undefined && change.role !== target.role;
  if (roleChanges && change.role === 'owner' && !actorIsOwner) return 'owner-only';
  if (target.role === 'owner') {
    const touchesAccess = roleChanges || change.emailChanges === true || change.status === 'disabled';
    if (touchesAccess && !self) return 'owner-only';
    if ((roleChanges || change.status === 'disabled') && self) return 'last-owner';
  }
  return null;
}

/** Why `actor` may not delete `target`, or null. */
export function ownerProblemOfDelete(actor: OwnerRuleActor, target: OwnerRuleTarget): OwnerProblem | null {
  if (target.role !== 'owner') return null;
  return actor.agentId === target.id ? 'last-owner' : 'owner-only';
}
