import { z } from 'zod';
import type { AccountSummary } from './account';
import type { Preferences } from './preferences';
import type { Presence } from './presence';
import type { Reachability, RegistrationView } from './registration';

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

/** Something the agent must be told once, such as settings recovered from a broken file: a code, never words. */
export interface Notice {
  id: NoticeCode;
  tone: 'warning' | 'error' | 'info';
  params?: Record<string, string>;
}

/** Everything the renderer mirrors from main. Pushed on every change. */
export interface AppSnapshot {
  account: AccountSummary | null;
  presence: Presence;
  registration: RegistrationView;
  reachability: Reachability;
  notices: Notice[];
  preferences: Preferences;
}
