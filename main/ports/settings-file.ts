/**
 * The one JSON settings file, as electron-store (in the app) and conf (in
 * tests) both present it: the whole document read and written at once,
 * written atomically by the library.
 */
export interface StoreFile {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Options shared verbatim by the electron-store adapter and the test factory. */
export interface StoreFileOptions {
  configName: string;
  projectVersion: string;
  defaults: Record<string, unknown>;
  migrations: Record<string, (store: { store: Record<string, unknown> }) => void>;
  clearInvalidConfig: false;
  watch: false;
  /** POSIX mode of the file, applied on every (atomic) write; ignored on Windows. */
  configFileMode: number;
}

export interface StoreFileFactory {
  /** Opens (creating if needed, migrating if old) the settings file; throws if unreadable. */
  open(options: StoreFileOptions): StoreFile;
  /** Where `open` reads and writes, known even when opening fails. */
  pathOf(options: StoreFileOptions): string;
}

/** What happens to files beside the settings file, other than the library's own reads and writes. */
export interface FileQuarantine {
  /** Moves a broken file aside; returns where it went. */
  moveAside(path: string, suffix: string): string | null;
  /**
   * Deletes the temporary files that saves of `path` cut short (the process
   * killed mid-write) left beside it, and nothing else; returns their names.
   * Only safe while nothing else writes the file: call it before opening.
   */
  removeWriteLeftovers(path: string): string[];
}
