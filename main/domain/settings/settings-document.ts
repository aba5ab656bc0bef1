import { z } from 'zod';
import { accountFieldsSchema } from '../../../common/schemas/account';
import { DEFAULT_PREFERENCES, preferencesSchema } from '../../../common/schemas/preferences';
import { presenceSchema } from '../../../common/schemas/presence';
import { workspaceViewSchema } from '../../../common/schemas/workspace/app-session';
import { provisionedSipAccountSchema } from '../../../common/schemas/workspace/auth';

/**
 * The settings file as main stores it. Bump SETTINGS_SCHEMA_VERSION and add
 * a step to settings-migrations.ts for every change of shape.
 */
export const SETTINGS_SCHEMA_VERSION = 4;

const storedIceServerSchema = z.object({ urls: z.string(), username: z.string().optional() });

export const storedAccountSchema = z.object({
  fields: accountFieldsSchema.safeExtend({ iceServers: z.array(storedIceServerSchema) }),
});

export const storedWorkspaceSchema = z.object({
  url: z.string(),
  name: z.string().nullable(),
  agent: workspaceViewSchema.shape.agent,
  sip: provisionedSipAccountSchema.omit({ ha1: true }),
});
export type StoredWorkspace = z.infer<typeof storedWorkspaceSchema>;

export const settingsDocumentSchema = z.object({
  account: storedAccountSchema.nullable(),
  /**
   * Secrets (SIP password, TURN credentials) as one vault ciphertext, never
   * plain text. Null when nothing is stored or the OS offers no encryption.
   */
  secrets: z.string().nullable(),
  presence: presenceSchema,
  window: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable(),
  preferences: preferencesSchema,
  /**
   * This installation's SIP instance id (RFC 5626 +sip.instance), made once
   * and kept: it is what lets the registrar replace our old binding after a
   * restart instead of adding another. Absent until first needed (optional,
   * so older files are valid as they are and need no migration step).
   */
  instanceId: z.uuid().optional(),
  /**
   * Signed in to a team workspace: its address, the last copy of who we are
   * there, and the SIP account it handed over (no secret). Optional, like
   * `instanceId`: files from before team sign-in are valid as they are.
   */
  workspace: storedWorkspaceSchema.optional(),
  /** The workspace session's secrets (refresh token, SIP HA1) as one vault ciphertext, never plain text. */
  workspaceSecrets: z.string().optional(),
});

export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;
export type StoredAccount = z.infer<typeof storedAccountSchema>;

export const DEFAULT_SETTINGS: SettingsDocument = {
  account: null,
  secrets: null,
  presence: 'available',
  window: null,
  preferences: DEFAULT_PREFERENCES,
};

/** Decrypted contents of `secrets`. */
export const secretsSchema = z.object({
  sipPassword: z.string(),
  /** TURN credentials by ICE server URL. */
  iceCredentials: z.record(z.string(), z.string()),
});
export type Secrets = z.infer<typeof secretsSchema>;

/** Decrypted contents of `workspaceSecrets`. */
export const workspaceSecretsSchema = z.object({
  refreshToken: z.string(),
  ha1: z.string().regex(/^[0-9a-f]{32}$/),
});
export type WorkspaceSecrets = z.infer<typeof workspaceSecretsSchema>;
