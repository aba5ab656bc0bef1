import { z } from 'zod';
import { agentListSchema, agentSchema, type Agent, type AgentCreate, type AgentList, type AgentListQuery, type AgentPatch } from '../../../common/schemas/workspace/agent';
import { auditPageSchema, type AuditPage, type AuditQuery } from '../../../common/schemas/workspace/audit';
import { invitationSentSchema, invitationStateSchema, type InvitationSent, type InvitationState } from '../../../common/schemas/workspace/invitation';
import { groupListSchema, groupSchema, type Group, type GroupCreate, type GroupList, type GroupPatch } from '../../../common/schemas/workspace/group';
import { teamStatusSchema, type TeamStatus } from '../../../common/schemas/workspace/live';
import { createWorkspaceRequest } from './workspace-http';

/** Where and as whom: the workspace address and a valid access token. */
export interface TeamAccess {
  url: string;
  token: string;
}

/**
 * The workspace's team routes (server/README.md, "The team"), answers
 * checked against the shared schemas. Admins only: the server answers a
 * Basic agent 403 whatever main decided before asking.
 */
export interface TeamClient {
  listAgents(access: TeamAccess, query: AgentListQuery): Promise<AgentList>;
  getAgent(access: TeamAccess, id: string): Promise<Agent>;
  createAgent(access: TeamAccess, body: AgentCreate): Promise<Agent>;
  updateAgent(access: TeamAccess, id: string, patch: AgentPatch): Promise<Agent>;
  deleteAgent(access: TeamAccess, id: string): Promise<void>;
  agentAudit(access: TeamAccess, id: string, query: AuditQuery): Promise<AuditPage>;
  agentInvitation(access: TeamAccess, id: string): Promise<InvitationState>;
  resendInvitation(access: TeamAccess, id: string): Promise<InvitationSent>;
  listGroups(access: TeamAccess): Promise<GroupList>;
  createGroup(access: TeamAccess, body: GroupCreate): Promise<Group>;
  updateGroup(access: TeamAccess, id: string, patch: GroupPatch): Promise<Group>;
  deleteGroup(access: TeamAccess, id: string): Promise<void>;
  /** Everyone's status (`GET /api/v1/team/status`). */
  teamStatus(access: TeamAccess): Promise<TeamStatus>;
}

/** `?search=…&limit=…` from the defined values only. */
function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const path = (id: string) => encodeURIComponent(id);

export function createTeamClient(fetchImpl: typeof fetch = fetch): TeamClient {
  const call = createWorkspaceRequest(fetchImpl);
  const noBody = z.unknown();
  return {
    listAgents: ({ url, token }, query) => call(url, `/api/v1/agents${queryString(query)}`, agentListSchema, { token }),
    getAgent: ({ url, token }, id) => call(url, `/api/v1/agents/${path(id)}`, agentSchema, { token }),
    createAgent: ({ url, token }, body) => call(url, '/api/v1/agents', agentSchema, { method: 'POST', body, token }),
    updateAgent: ({ url, token }, id, patch) => call(url, `/api/v1/agents/${path(id)}`, agentSchema, { method: 'PATCH', body: patch, token }),
    deleteAgent: async ({ url, token }, id) => void (await call(url, `/api/v1/agents/${path(id)}`, noBody, { method: 'DELETE', token })),
    agentAudit: ({ url, token }, id, query) => call(url, `/api/v1/agents/${path(id)}/audit${queryString(query)}`, auditPageSchema, { token }),
    agentInvitation: ({ url, token }, id) => call(url, `/api/v1/agents/${path(id)}/invitation`, invitationStateSchema, { token }),
    resendInvitation: ({ url, token }, id) => call(url, `/api/v1/agents/${path(id)}/invitation`, invitationSentSchema, { method: 'POST', body: {}, token }),
    listGroups: ({ url, token }) => call(url, '/api/v1/groups', groupListSchema, { token }),
    createGroup: ({ url, token }, body) => call(url, '/api/v1/groups', groupSchema, { method: 'POST', body, token }),
    updateGroup: ({ url, token }, id, patch) => call(url, `/api/v1/groups/${path(id)}`, groupSchema, { method: 'PATCH', body: patch, token }),
    deleteGroup: async ({ url, token }, id) => void (await call(url, `/api/v1/groups/${path(id)}`, noBody, { method: 'DELETE', token })),
    teamStatus: ({ url, token }) => call(url, '/api/v1/team/status', teamStatusSchema, { token }),
  };
}
