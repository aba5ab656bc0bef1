import { app } from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import type { StoreFileFactory } from '../ports/settings-file';

/** The settings file in the app: electron-store in the user-data folder. */
export const electronStoreFileFactory: StoreFileFactory = {
  open: (options) => new ElectronStore<Record<string, unknown>>(options),
  pathOf: (options) => path.join(app.getPath('userData'), `${options.configName}.json`),
};
