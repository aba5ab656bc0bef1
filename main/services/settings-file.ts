import type { Notice, SettingsProblem } from '../../common/schemas/snapshot';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA_VERSION, settingsDocumentSchema, type SettingsDocument } from '../domain/settings/settings-document';
import { semverOf, storeMigrations, type MigrationContext } from '../domain/settings/settings-migrations';
import type { FileQuarantine, StoreFile, StoreFileFactory, StoreFileOptions } from '../ports/settings-file';

export interface OpenedSettings {
  file: StoreFile;
  document: SettingsDocument;
  /** Set when a broken file was moved aside and fresh settings started. */
  recovery: Notice | null;
}

/**
 * The settings hold the account (and its keychain-encrypted secrets):
 * readable and writable by the agent only. conf writes every save through a
 * temporary file created with this mode, so a file an older version left
 * 0644 becomes 0600 at its next save.
 */
export const SETTINGS_FILE_MODE = 0o600;

export function settingsFileOptions(ctx: MigrationContext): StoreFileOptions {
  return {
    configName: 'settings',
    projectVersion: semverOf(SETTINGS_SCHEMA_VERSION),
    defaults: DEFAULT_SETTINGS,
    migrations: storeMigrations(ctx),
    clearInvalidConfig: false,
    watch: false,
    configFileMode: SETTINGS_FILE_MODE,
  };
}

/**
 * Opens the settings file, never losing it: a file that cannot be parsed,
 * migrated or validated is moved aside (kept as a backup the agent is told
 * about) and fresh settings start — never a silent wipe, never a crash.
 */
export function openSettings(deps: {
  factory: StoreFileFactory;
  quarantine: FileQuarantine;
  migration: MigrationContext;
  now: () => Date;
  log: (message: string) => void;
}): OpenedSettings {
  const options = settingsFileOptions(deps.migration);
  removeWriteLeftovers(deps.quarantine, deps.factory.pathOf(options), deps.log);
  let problem: SettingsProblem;
  let detail: string | undefined;
  try {
    const file = deps.factory.open(options);
    const parsed = settingsDocumentSchema.safeParse(file.store);
    if (parsed.success) return { file, document: parsed.data, recovery: null };
    problem = 'wrong-layout';
    detail = parsed.error.issues[0]?.path.join('.') || 'root';
  } catch (error) {
    // A locked or unreadable file (antivirus, a sync client) is not a broken
    // one: moving it aside would lose a good account. Say so and stop.
    if (isIoError(error)) throw new SettingsUnavailableError(deps.factory.pathOf(options), error);
    if (error instanceof SyntaxError) problem = 'invalid-json';
    else {
      problem = 'unreadable';
      detail = (error as Error).message.split('\n')[0] ?? '';
    }
  }
  deps.log(`settings file unusable: ${problem}${detail === undefined ? '' : ` (${detail})`}`);
  const stamp = deps.now().toISOString().replace(/[:.]/g, '-');
  let backup: string | null;
  try {
    backup = deps.quarantine.moveAside(deps.factory.pathOf(options), `broken-${stamp}`);
  } catch (error) {
    throw new SettingsUnavailableError(deps.factory.pathOf(options), error);
  }
  const file = deps.factory.open(options);
  file.store = { ...DEFAULT_SETTINGS };
  return {
    file,
    document: { ...DEFAULT_SETTINGS },
    recovery: {
      id: 'settings-recovered',
      tone: 'warning',
      params: { problem, ...(detail === undefined ? {} : { detail }), ...(backup ? { backup } : {}) },
    },
  };
}

/**
 * A save killed mid-write (the app killed, the computer losing power) leaves
 * its temporary file beside the settings; nothing else ever removes it. The
 * app holds the single-instance lock before opening the settings, so no
 * other writer can be halfway through a save. Failing to tidy up is no
 * reason not to start.
 */
function removeWriteLeftovers(quarantine: FileQuarantine, file: string, log: (message: string) => void): void {
  try {
    const removed = quarantine.removeWriteLeftovers(file);
    if (removed.length > 0) log(`settings: removed ${removed.length} temporary file(s) left by a save that was cut short`);
  } catch (error) {
    log(`settings: could not look for temporary files left by a save that was cut short (${(error as NodeJS.ErrnoException)?.code ?? 'unknown error'})`);
  }
}

/** The settings file exists but cannot be read or set aside right now; nothing was changed. */
export class SettingsUnavailableError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(
      `Ringdesk cannot open its settings file ${path} (${(cause as NodeJS.ErrnoException)?.code ?? 'unknown error'}). ` +
        'Another program (backup, antivirus or file sync) may be holding it. Close that program or restart the computer, then start Ringdesk again. Nothing was changed.',
      { cause },
    );
    this.name = 'SettingsUnavailableError';
  }
}

function isIoError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && code !== 'ENOENT';
}
