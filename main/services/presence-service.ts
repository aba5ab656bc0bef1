import type { Presence } from '../../common/schemas/presence';
import type { Logger } from '../ports/logger';
import type { SettingsRepository } from './settings-repository';

export interface PresenceService {
  current(): Presence;
  /** Takes effect at once; remembering it for the next start is best effort. */
  set(next: Presence): Promise<void>;
}

/** The agent's presence: applied to the registration, kept in the settings. */
export function createPresenceService(deps: {
  initial: Presence;
  apply: (presence: Presence) => void;
  settings: SettingsRepository;
  log: Logger;
  /** The presence changed (publish it). */
  changed: () => Promise<void>;
}): PresenceService {
  let presence = deps.initial;
  return {
    current: () => presence,
    async set(next) {
      presence = next;
      deps.apply(next);
      try {
        await deps.settings.update((doc) => ({ ...doc, presence: next }));
      } catch (error) {
        deps.log.error(`presence not saved: ${String(error)}`);
      }
      await deps.changed();
    },
  };
}
