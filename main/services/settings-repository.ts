import { settingsDocumentSchema, type SettingsDocument } from '../domain/settings/settings-document';
import type { StoreFile } from '../ports/settings-file';
import { createSerialQueue } from '../../common/serial-queue';

/**
 * Async access to the settings, so that a server-backed repository (the
 * team workspace) can replace the file later without touching callers.
 */
export interface SettingsRepository {
  load(): Promise<SettingsDocument>;
  /** Applies `change` to the latest document; updates run one at a time. */
  update(change: (current: SettingsDocument) => SettingsDocument): Promise<SettingsDocument>;
}

export function createFileSettingsRepository(file: StoreFile, initial: SettingsDocument): SettingsRepository {
  let current = initial;
  const updates = createSerialQueue();
  return {
    load: async () => current,
    update(change) {
      return updates.run(() => {
        // Validate before writing: an invalid document must never reach disk.
        const next = settingsDocumentSchema.parse(change(current));
        file.store = next;
        current = next;
        return next;
      });
    },
  };
}
