import { z } from 'zod';
import type { WorkspaceFailure } from '../../../common/schemas/workspace/app-session';
import { meSchema, sessionSchema, workspaceInfoSchema, type Me, type Session, type WorkspaceInfo } from '../../../common/schemas/workspace/auth';
import { agentStatusSchema, type StatusReport } from '../../../common/schemas/workspace/live';
import { problemResponseSchema, type ProblemResponse } from '../../../common/schemas/workspace/problems';

/** A workspace call that did not succeed: the workspace's own code, or why it could not be asked. */
export class WorkspaceCallFailed extends Error {
  constructor(
    readonly failure: WorkspaceFailure,
    readonly problem: ProblemResponse | null = null,
  ) {
    super(failure);
  }
}

/** Longest wait for the workspace before calling it unreachable. */
export const WORKSPACE_TIMEOUT_MS = 8_000;

/**
 * The workspace's HTTP API as main uses it: every answer is checked against
 * the same schemas the server answers with (common/schemas/workspace/), so a
 * server of another version, or not a Ringdesk workspace at all, is told
 * apart from a refusal.
 */
export interface WorkspaceClient {
  info(url: string): Promise<WorkspaceInfo>;
  signIn(url: string, credentials: { email: string; password: string }): Promise<Session>;
  refresh(url: string, refreshToken: string): Promise<Session>;
  me(url: string, accessToken: string): Promise<Me>;
  signOut(url: string, refreshToken: string): Promise<void>;
  /** This agent's presence and whether it is on a call (`PUT /api/v1/me/status`). */
  putStatus(url: string, accessToken: string, report: StatusReport): Promise<void>;
}

export function createWorkspaceClient(fetchImpl: typeof fetch = fetch): WorkspaceClient {
  async function call<T>(url: string, path: string, schema: z.ZodType<T>, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          accept: 'application/json',
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        redirect: 'error', // a redirect could carry the password elsewhere
        signal: AbortSignal.timeout(WORKSPACE_TIMEOUT_MS),
      });
    } catch {
      throw new WorkspaceCallFailed('workspace-unreachable');
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new WorkspaceCallFailed('workspace-not-ringdesk');
      return parsed.data;
    }
    const problem = problemResponseSchema.safeParse(body);
    if (!problem.success) throw new WorkspaceCallFailed(response.status >= 500 ? 'internal' : 'workspace-not-ringdesk');
    throw new WorkspaceCallFailed(problem.data.problem, problem.data);
  }

  return {
    info: (url) => call(url, '/api/v1/workspace', workspaceInfoSchema),
    signIn: (url, credentials) => call(url, '/api/v1/auth/sign-in', sessionSchema, { method: 'POST', body: credentials }),
    refresh: (url, refreshToken) => call(url, '/api/v1/auth/refresh', sessionSchema, { method: 'POST', body: { refreshToken } }),
    me: (url, accessToken) => call(url, '/api/v1/me', meSchema, { token: accessToken }),
    signOut: async (url, refreshToken) => {
      await call(url, '/api/v1/auth/sign-out', z.unknown(), { method: 'POST', body: { refreshToken } });
    },
    putStatus: async (url, accessToken, report) => {
      await call(url, '/api/v1/me/status', agentStatusSchema, { method: 'PUT', body: report, token: accessToken });
    },
  };
}
