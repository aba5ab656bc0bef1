import { z } from 'zod';
import type { FieldProblem } from '../field-errors';
import { agentSchema, emailSchema, fullNameSchema, extensionSchema, isTimeZone } from './agent';

const problem = (code: FieldProblem): string => code;

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

export const newPasswordSchema = z.string().min(MIN_PASSWORD, problem('password-too-short')).max(MAX_PASSWORD, problem('too-long'));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, problem('password-missing')).max(MAX_PASSWORD, problem('too-long')),
});
export type SignIn = z.infer<typeof signInSchema>;

export const refreshSchema = z.object({ refreshToken: z.string().min(1).max(200) });

/**
 * The SIP account the workspace hands a signed-in app: the agent types
 * nothing else. Only the HA1 digest travels, never a password.
 */
export const provisionedSipAccountSchema = z.object({
  sipUser: z.string(),
  domain: z.string(),
  wsServer: z.string(),
  displayName: z.string(),
  ha1: z.string().regex(/^[0-9a-f]{32}$/),
});
export type ProvisionedSipAccount = z.infer<typeof provisionedSipAccountSchema>;

/** A session: a short-lived access token and a single-use refresh token that rotates. */
export const sessionSchema = z.object({
  accessToken: z.string(),
  accessExpiresAt: z.number(),
  refreshToken: z.string(),
  refreshExpiresAt: z.number(),
  agent: agentSchema,
  sip: provisionedSipAccountSchema,
});
export type Session = z.infer<typeof sessionSchema>;

/** Creating the workspace: its name and the first admin, who becomes the Owner. */
export const workspaceCreateSchema = z.object({
  name: z.string().trim().min(1, problem('workspace-name-missing')).max(80, problem('too-long')),
  owner: z.object({ email: emailSchema, fullName: fullNameSchema, extension: extensionSchema, password: newPasswordSchema }),
  /** The team's zone (IANA name): new agents' office hours start in it; UTC when not given. */
  timeZone: z.string().max(64, problem('too-long')).refine(isTimeZone, problem('time-zone-invalid')).optional(),
});
export type WorkspaceCreate = z.infer<typeof workspaceCreateSchema>;

/** What anyone may learn before signing in: is there a workspace, and its name. */
export const workspaceInfoSchema = z.object({
  exists: z.boolean(),
  name: z.string().nullable(),
  sipDomain: z.string(),
  wsServer: z.string(),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

/** `GET /api/v1/me`: who the app is signed in as, and the SIP account to register with (both may have changed). */
export const meSchema = z.object({ agent: agentSchema, sip: provisionedSipAccountSchema });
export type Me = z.infer<typeof meSchema>;

export const setPasswordSchema = z.object({ password: newPasswordSchema });
