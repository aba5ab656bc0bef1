import { z } from 'zod';
import { checkWorkspaceUrl } from '../../sip-address';
import type { FieldProblem } from '../field-errors';
import { AGENT_ROLES } from './agent';
import { signInSchema, workspaceCreateSchema } from './auth';
import { WORKSPACE_PROBLEMS } from './problems';

/**
 * The app's side of team sign-in: what the window sends main (the workspace
 * address with the credentials), and what main tells the window about the
 * session. Tokens and the HA1 never reach the window.
 */

const problem = (code: FieldProblem): string => code;

export const MAX_WORKSPACE_URL = 2048;

export const workspaceUrlSchema = z
  .string()
  .trim()
  .min(1, problem('workspace-url-missing'))
  .max(MAX_WORKSPACE_URL, problem('too-long'))
  .superRefine((v, ctx) => {
    const refused = checkWorkspaceUrl(v);
    if (refused) ctx.addIssue({ code: 'custom', message: problem(refused) });
  })
  // One spelling per workspace: no trailing slash, so "same workspace" is a string compare.
  .transform((v) => v.replace(/\/+$/, ''));

export const appSignInSchema = signInSchema.extend({ url: workspaceUrlSchema });
export type AppSignIn = z.input<typeof appSignInSchema>;

/** The first admin makes the team from the app: the workspace's own creation body, plus where the workspace is. */
export const appCreateTeamSchema = workspaceCreateSchema.extend({ url: workspaceUrlSchema });
export type AppCreateTeam = z.input<typeof appCreateTeamSchema>;

/** Why main could not finish a workspace call: the workspace's own codes, or that it could not be reached at all. */
export const WORKSPACE_FAILURES = [...WORKSPACE_PROBLEMS, 'workspace-unreachable', 'workspace-not-ringdesk'] as const;
export type WorkspaceFailure = (typeof WORKSPACE_FAILURES)[number];

/**
 * A workspace refusal as main hands it to the window: the code, and what the
 * code needs to be put into words.
 */
export interface WorkspaceRefusal {
  failure: WorkspaceFailure;
  /** `rate-limited`: when to try again. */
  retryAfterSec?: number;
  /** `version-conflict`: who saved the newer version, and when (epoch ms). */
  changedBy?: { agentId: string; fullName: string; at: number };
  /** `agent-needs-group`: the agents who would be left with no group. */
  agentIds?: string[];
}

/**
 * The session as the window sees it. `connection` says whether the last copy
 * is fresh: 'offline' keeps it for reading (calls still work, Kamailio
 * reads the database directly) while edits are refused.
 */
export const workspaceViewSchema = z.object({
  url: z.string().max(MAX_WORKSPACE_URL),
  name: z.string().max(200).nullable(),
  agent: z.object({
    id: z.string().max(64),
    fullName: z.string().max(200),
    email: z.string().max(254),
    extension: z.string().max(16),
    role: z.enum(AGENT_ROLES),
    /** The agent's Extended Agents Dashboard preference (absent in copies kept before it was kept: off). */
    extendedDashboard: z.boolean().optional(),
  }),
  connection: z.enum(['online', 'offline']),
});
export type WorkspaceView = z.infer<typeof workspaceViewSchema>;
