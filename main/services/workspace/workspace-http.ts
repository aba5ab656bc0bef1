import type { z } from 'zod';
import type { WorkspaceFailure } from '../../../common/schemas/workspace/app-session';
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

export interface WorkspaceRequestInit {
  method?: string;
  body?: unknown;
  token?: string;
}

/** One request to the workspace, its answer checked against `schema`; refusals thrown as WorkspaceCallFailed. */
export type WorkspaceRequest = <T>(url: string, path: string, schema: z.ZodType<T>, init?: WorkspaceRequestInit) => Promise<T>;

/**
 * The one way main talks HTTP to the workspace: every answer is checked
 * against the same schemas the server answers with (common/schemas/workspace/),
 * so a server of another version, or not a Ringdesk workspace at all, is told
 * apart from a refusal.
 */
export function createWorkspaceRequest(fetchImpl: typeof fetch = fetch): WorkspaceRequest {
  return async function request<T>(url: string, path: string, schema: z.ZodType<T>, init: WorkspaceRequestInit = {}): Promise<T> {
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
    const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new WorkspaceCallFailed('workspace-not-ringdesk');
      return parsed.data;
    }
    const problem = problemResponseSchema.safeParse(body);
    if (!problem.success) throw new WorkspaceCallFailed(response.status >= 500 ? 'internal' : 'workspace-not-ringdesk');
    throw new WorkspaceCallFailed(problem.data.problem, problem.data);
  };
}
