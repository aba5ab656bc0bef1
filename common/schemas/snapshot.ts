import { z } from 'zod';
import { accountSummarySchema } from './account';
import { preferencesSchema } from './preferences';
import { presenceSchema } from './presence';
import { reachabilitySchema, registrationViewSchema } from './registration';
import { workspaceViewSchema } from './workspace/app-session';

/** What main may need to tell the agent; the window words each one (renderer/features/notices/notice-text.ts). */
export const noticeCodeSchema = z.enum([
  /** The settings file could not be used and was set aside: params `problem` (a SettingsProblem), `detail`?, `backup`?. */
  'settings-recovered',
  /** The OS encrypts secrets with a hard-coded key (Linux basic_text). */
  'weak-keyring',
  /** Nothing can encrypt secrets: the password lasts only until quit. */
  'no-keyring',
  /** The saved secrets could not be decrypted on this computer. */
  'secrets-locked',
  /** An ended call could not be written to the history file. */
  'history-not-saved',
  /** The workspace ended this computer's session (signed out elsewhere, removed, or disabled): sign in again. */
  'workspace-signed-out',
  /** An admin removed (or disabled) this agent while the app was connected: signed out here. Param `reason`: 'removed' | 'disabled'. */
  'workspace-removed',
]);
export type NoticeCode = z.infer<typeof noticeCodeSchema>;

/** Why a settings file could not be used (param `problem` of 'settings-recovered'). */
export const settingsProblemSchema = z.enum([
  /** Not JSON at all. */
  'invalid-json',
  /** JSON, but not a settings document; `detail` is the first offending path. */
  'wrong-layout',
  /** Any other failure to open it; `detail` is the error's first line. */
  'unreadable',
]);
export type SettingsProblem = z.infer<typeof settingsProblemSchema>;

/** Longest notice parameter, characters: a backup file's path or an error's first line. */
export const MAX_NOTICE_PARAM = 4096;

/** Something the agent must be told once, such as settings recovered from a broken file: a code, never words. */
export const noticeSchema = z.object({
  id: noticeCodeSchema,
  tone: z.enum(['warning', 'error', 'info']),
  params: z.record(z.string().max(64), z.string().max(MAX_NOTICE_PARAM)).optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

/**
 * Everything the renderer mirrors from main. Pushed on every change, and
 * checked against this in dev and test builds before it leaves main
 * (main/ipc/checked-emitter.ts).
 */
export const appSnapshotSchema = z.object({
  account: accountSummarySchema.nullable(),
  /** Signed in to a team workspace (the account then comes from it); null in SIP-account mode. */
  workspace: workspaceViewSchema.nullable(),
  presence: presenceSchema,
  registration: registrationViewSchema,
  reachability: reachabilitySchema,
  notices: z.array(noticeSchema),
  preferences: preferencesSchema,
});
export type AppSnapshot = z.infer<typeof appSnapshotSchema>;
