import { z } from 'zod';
import { agentSummarySchema } from './agent';
import { groupSchema } from './group';
import { agentStatusSchema } from './live';

/** The most agents the copy keeps: the first pages of the list, as the admin last saw them (the workspace's largest page). */
export const TEAM_COPY_MAX_AGENTS = 500;
/** Groups kept; far more than a team has (benchmarks: 100). */
export const TEAM_COPY_MAX_GROUPS = 1000;

/**
 * The last copy of the team main fetched, kept on this computer for reading
 * while the workspace is unreachable: the first pages of the unfiltered
 * agent list, every group, and teammates' status for the agents kept.
 * `savedAt` is when it was last brought up to date (ms since the epoch).
 */
export const teamCopySchema = z.object({
  savedAt: z.number().int().nonnegative(),
  agents: z.array(agentSummarySchema).max(TEAM_COPY_MAX_AGENTS),
  /** How many agents the workspace had then, kept or not. */
  total: z.number().int().nonnegative(),
  groups: z.array(groupSchema).max(TEAM_COPY_MAX_GROUPS),
  statuses: z.array(agentStatusSchema).max(TEAM_COPY_MAX_AGENTS),
});
export type TeamCopy = z.infer<typeof teamCopySchema>;
