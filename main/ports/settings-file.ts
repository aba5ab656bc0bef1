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

/** Moves a broken file aside; returns where it went. */
export interface FileQuarantine {
  moveAside(path: string, suffix: string): string | null;
}
