import Conf from 'conf';
import path from 'node:path';
import type { StoreFileFactory } from '../ports/settings-file';

/**
 * The settings file through `conf`, the library under electron-store. It
 * runs outside Electron, so the end-to-end harness and the tests use it
 * with the same options (schema version, migrations) as the app.
 */
export function confStoreFileFactory(dir: string): StoreFileFactory {
  return {
    open: (options) => new Conf<Record<string, unknown>>({ ...options, cwd: dir }),
    pathOf: (options) => path.join(dir, `${options.configName}.json`),
  };
}
