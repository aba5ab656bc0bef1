import type { AccountSummary } from './account';
import type { Preferences } from './preferences';
import type { Presence } from './presence';
import type { Reachability, RegistrationView } from './registration';

/** Something the agent must be told once, such as settings recovered from a broken file. */
export interface Notice {
  id: string;
  tone: 'warning' | 'error' | 'info';
  message: string;
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
