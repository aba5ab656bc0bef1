import { z } from 'zod';
import { FIELD_PROBLEMS } from '../field-errors';

/**
 * Why the workspace refused a request, as a code: the server answers with
 * one of these (and the HTTP status that goes with it), the app turns it into
 * words where it is shown. One list for both sides, so neither can invent a
 * code the other does not know.
 */
export const WORKSPACE_PROBLEMS = [
  /** The body, query or path did not match the route's schema (see `fields`). */
  'invalid-request',
  /** No valid access token (missing, expired, tampered, or its agent is gone). */
  'unauthorized',
  /** Signed in, but the role does not allow it (e.g. a Basic agent on an admin route). */
  'forbidden',
  'not-found',
  /** Somebody else saved first: `changedBy` names them; review and save again. */
  'version-conflict',
  /** A field is taken or breaks a rule; `fields` says which. */
  'field-conflict',
  /** The last Owner cannot be deleted or demoted. */
  'last-owner',
  /** Only the Owner may do this (billing-only fields, making someone Owner). */
  'owner-only',
  /** Refused: an agent would be left with no group. */
  'agent-needs-group',
  /** Too many attempts: `retryAfterSec` says when to try again. */
  'rate-limited',
  /** Wrong email or password (never says which). */
  'sign-in-failed',
  /** The invitation has not been accepted yet: no password to sign in with. */
  'account-pending',
  'account-disabled',
  /** The refresh token was already used or revoked: sign in again. */
  'session-ended',
  'invitation-expired',
  'invitation-used',
  'invitation-invalid',
  /** Resend refused: the agent has already accepted its invitation and signs in with its password. */
  'agent-already-active',
  /** `init` or the welcome screen asked to create a workspace that already exists. */
  'workspace-exists',
  /** Nothing set up yet: create the workspace first. */
  'workspace-missing',
  'payload-too-large',
  /** Our fault; logged on the server with the request id. */
  'internal',
] as const;
export type WorkspaceProblem = (typeof WORKSPACE_PROBLEMS)[number];

/** Every refusal's body: a code, per-field codes, and what the code needs. */
export const problemResponseSchema = z.object({
  problem: z.enum(WORKSPACE_PROBLEMS),
  fields: z.record(z.string().max(100), z.enum(FIELD_PROBLEMS)).optional(),
  retryAfterSec: z.number().int().nonnegative().optional(),
  /** For `version-conflict`: who saved the newer version, and when (epoch ms). */
  changedBy: z.object({ agentId: z.string(), fullName: z.string(), at: z.number() }).optional(),
  requestId: z.string().max(100).optional(),
  /** For `agent-needs-group`: the agents who would be left with no group (at most 100 named). */
  agentIds: z.array(z.string()).max(100).optional(),
});
export type ProblemResponse = z.infer<typeof problemResponseSchema>;
