import { z } from 'zod';
import { meSchema, sessionSchema, workspaceInfoSchema, type Me, type Session, type WorkspaceCreate, type WorkspaceInfo } from '../../../common/schemas/workspace/auth';
import { agentSchema, type Agent, type ProfilePatch } from '../../../common/schemas/workspace/agent';
import { agentStatusSchema, type StatusReport } from '../../../common/schemas/workspace/live';
import { createWorkspaceRequest } from './workspace-http';

export { WorkspaceCallFailed, WORKSPACE_TIMEOUT_MS } from './workspace-http';

/** The workspace's sign-in API as main uses it (the team's routes: team-client.ts). */
export interface WorkspaceClient {
  info(url: string): Promise<WorkspaceInfo>;
  signIn(url: string, credentials: { email: string; password: string }): Promise<Session>;
  /** Makes the team on an empty workspace and signs its Owner in. */
  createWorkspace(url: string, body: WorkspaceCreate): Promise<Session>;
  refresh(url: string, refreshToken: string): Promise<Session>;
  me(url: string, accessToken: string): Promise<Me>;
  signOut(url: string, refreshToken: string): Promise<void>;
  /** This agent's presence and whether it is on a call (`PUT /api/v1/me/status`). */
  putStatus(url: string, accessToken: string, report: StatusReport): Promise<void>;
  /** The agent's own profile and preferences (`PATCH /api/v1/me/profile`), with the version they were read at. */
  updateProfile(url: string, accessToken: string, patch: ProfilePatch): Promise<Agent>;
}

export function createWorkspaceClient(fetchImpl: typeof fetch = fetch): WorkspaceClient {
  const call = createWorkspaceRequest(fetchImpl);

  return {
    info: (url) => call(url, '/api/v1/workspace', workspaceInfoSchema),
    signIn: (url, credentials) => call(url, '/api/v1/auth/sign-in', sessionSchema, { method: 'POST', body: credentials }),
    createWorkspace: (url, body) => call(url, '/api/v1/workspace', sessionSchema, { method: 'POST', body }),
    refresh: (url, refreshToken) => call(url, '/api/v1/auth/refresh', sessionSchema, { method: 'POST', body: { refreshToken } }),
    me: (url, accessToken) => call(url, '/api/v1/me', meSchema, { token: accessToken }),
    signOut: async (url, refreshToken) => {
      await call(url, '/api/v1/auth/sign-out', z.unknown(), { method: 'POST', body: { refreshToken } });
    },
    putStatus: async (url, accessToken, report) => {
      await call(url, '/api/v1/me/status', agentStatusSchema, { method: 'PUT', body: report, token: accessToken });
    },
    updateProfile: (url, accessToken, patch) => call(url, '/api/v1/me/profile', agentSchema, { method: 'PATCH', body: patch, token: accessToken }),
  };
}
