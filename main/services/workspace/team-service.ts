import type { Agent, AgentCreate, AgentList, AgentListQuery, AgentPatch } from '../../../common/schemas/workspace/agent';
import type { AuditPage, AuditQuery } from '../../../common/schemas/workspace/audit';
import type { InvitationSent, InvitationState } from '../../../common/schemas/workspace/invitation';
import type { Group, GroupCreate, GroupList, GroupPatch } from '../../../common/schemas/workspace/group';
import type { TeamStatus } from '../../../common/schemas/workspace/live';
import type { TeamCopy } from '../../../common/schemas/workspace/team-copy';
import { UserFacingError } from '../user-facing-error';
import type { TeamAccess, TeamClient } from './team-client';
import type { TeamCopyOwner, TeamCopyStore } from './team-copy-store';
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
 * - What it reads is kept (the unfiltered list's first pages, the groups,
 *   teammates' status) in the team copy, which `copy()` hands back — to the
 *   same admin of the same workspace only — for reading while unreachable,
 *   across restarts too.
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
  /** The last copy of the team read here (for reading while the workspace is unreachable), or null. */
  copy(): Promise<TeamCopy | null>;
}

export function createTeamService(deps: {
  session: Pick<WorkspaceSession, 'authorized' | 'view' | 'resume'>;
  client: TeamClient;
  copies: TeamCopyStore;
  log: { warn(message: string): void };
  /** The stored session changed (the workspace said our role is not what we thought): publish it. */
  sessionChanged: () => void;
}): TeamService {
  const { session, client } = deps;

  async function admin(): Promise<TeamCopyOwner> {
    const view = await session.view();
    if (!view) throw new UserFacingError({ workspace: 'unauthorized' });
    if (view.agent.role !== 'admin' && view.agent.role !== 'owner') throw new UserFacingError({ workspace: 'forbidden' });
    return { url: view.url, agentId: view.agent.id };
  }

  /** Keeps what was read in the copy; a copy that cannot be saved never fails the read. */
  async function reading<T>(call: (access: TeamAccess) => Promise<T>, keep: (owner: TeamCopyOwner, value: T) => Promise<void>): Promise<T> {
    const owner = await admin();
    const value = await asAdmin(call);
    await keep(owner, value).catch((error: unknown) => deps.log.warn(`team copy not kept: ${String(error)}`));
    return value;
  }

  async function asAdmin<T>(call: (access: TeamAccess) => Promise<T>): Promise<T> {
    await admin();
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
    listAgents: (query) =>
      reading(
        (a) => client.listAgents(a, query),
        // Only the plain list is kept: a search or a filter is a view of it.
        (owner, list) => (query.search || query.role || query.groupId || query.status ? Promise.resolve() : deps.copies.keepAgents(owner, query.offset, list)),
      ),
    getAgent: (id) => asAdmin((a) => client.getAgent(a, id)),
    createAgent: (body) => asAdmin((a) => client.createAgent(a, body)),
    updateAgent: (id, patch) => asAdmin((a) => client.updateAgent(a, id, patch)),
    deleteAgent: (id) => asAdmin((a) => client.deleteAgent(a, id)),
    agentAudit: (id, query) => asAdmin((a) => client.agentAudit(a, id, query)),
    agentInvitation: (id) => asAdmin((a) => client.agentInvitation(a, id)),
    resendInvitation: (id) => asAdmin((a) => client.resendInvitation(a, id)),
    listGroups: () => reading((a) => client.listGroups(a), (owner, list) => deps.copies.keepGroups(owner, list)),
    createGroup: (body) => asAdmin((a) => client.createGroup(a, body)),
    updateGroup: (id, patch) => asAdmin((a) => client.updateGroup(a, id, patch)),
    deleteGroup: (id) => asAdmin((a) => client.deleteGroup(a, id)),
    status: () => reading((a) => client.teamStatus(a), (owner, status) => deps.copies.keepStatus(owner, status)),
    copy: async () => deps.copies.read(await admin()),
  };
}
