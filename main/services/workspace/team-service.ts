import type { Agent, AgentCreate, AgentList, AgentListQuery, AgentPatch } from '../../../common/schemas/workspace/agent';
import type { AuditPage, AuditQuery } from '../../../common/schemas/workspace/audit';
import type { InvitationSent, InvitationState } from '../../../common/schemas/workspace/invitation';
import type { Group, GroupCreate, GroupList, GroupPatch } from '../../../common/schemas/workspace/group';
import type { TeamStatus } from '../../../common/schemas/workspace/live';
import { UserFacingError } from '../user-facing-error';
import type { TeamAccess, TeamClient } from './team-client';
import type { WorkspaceSession } from './workspace-session';

/**
 * The team as an admin manages it from the app: agents, groups, the audit
 * trail — each call straight to the workspace, as the signed-in agent.
 *
 * - A Basic agent is refused here, before anything is asked (the server
 *   refuses it too: a role changed elsewhere is caught there, and the
 *   session is refreshed so the window stops offering the Team area).
 * - Unreachable is refused at once with `workspace-unreachable`: an edit is
 *   never queued to be sent later, so nothing is saved behind the admin's
 *   back or lost silently.
 */
export interface TeamService {
  listAgents(query: AgentListQuery): Promise<AgentList>;
  getAgent(id: string): Promise<Agent>;
  createAgent(body: AgentCreate): Promise<Agent>;
  updateAgent(id: string, patch: AgentPatch): Promise<Agent>;
  deleteAgent(id: string): Promise<void>;
  agentAudit(id: string, query: AuditQuery): Promise<AuditPage>;
  /** A pending agent's open invitation: sent when, or not delivered and why. */
  agentInvitation(id: string): Promise<InvitationState>;
  /** A new invitation email for a pending agent (the old link dies); rate-limited by the workspace. */
  resendInvitation(id: string): Promise<InvitationSent>;
  listGroups(): Promise<GroupList>;
  createGroup(body: GroupCreate): Promise<Group>;
  updateGroup(id: string, patch: GroupPatch): Promise<Group>;
  deleteGroup(id: string): Promise<void>;
  /** Teammates' status: registered, presence, on a call. */
  status(): Promise<TeamStatus>;
}

export function createTeamService(deps: {
  session: Pick<WorkspaceSession, 'authorized' | 'view' | 'resume'>;
  client: TeamClient;
  /** The stored session changed (the workspace said our role is not what we thought): publish it. */
  sessionChanged: () => void;
}): TeamService {
  const { session, client } = deps;

  async function asAdmin<T>(call: (access: TeamAccess) => Promise<T>): Promise<T> {
    const view = await session.view();
    if (!view) throw new UserFacingError({ workspace: 'unauthorized' });
    if (view.agent.role !== 'admin' && view.agent.role !== 'owner') throw new UserFacingError({ workspace: 'forbidden' });
    try {
      return await session.authorized(call);
    } catch (error) {
      if (error instanceof UserFacingError && error.workspace?.failure === 'forbidden') {
        // Demoted elsewhere: take the current role from the workspace so the window follows.
        await session.resume();
        deps.sessionChanged();
      }
      throw error;
    }
  }

  return {
    listAgents: (query) => asAdmin((a) => client.listAgents(a, query)),
    getAgent: (id) => asAdmin((a) => client.getAgent(a, id)),
    createAgent: (body) => asAdmin((a) => client.createAgent(a, body)),
    updateAgent: (id, patch) => asAdmin((a) => client.updateAgent(a, id, patch)),
    deleteAgent: (id) => asAdmin((a) => client.deleteAgent(a, id)),
    agentAudit: (id, query) => asAdmin((a) => client.agentAudit(a, id, query)),
    agentInvitation: (id) => asAdmin((a) => client.agentInvitation(a, id)),
    resendInvitation: (id) => asAdmin((a) => client.resendInvitation(a, id)),
    listGroups: () => asAdmin((a) => client.listGroups(a)),
    createGroup: (body) => asAdmin((a) => client.createGroup(a, body)),
    updateGroup: (id, patch) => asAdmin((a) => client.updateGroup(a, id, patch)),
    deleteGroup: (id) => asAdmin((a) => client.deleteGroup(a, id)),
    status: () => asAdmin((a) => client.teamStatus(a)),
  };
}
