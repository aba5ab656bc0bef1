import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * The file can be read and written by its owner only (0600): it holds the
 * agent's account or calls. Windows has no POSIX modes (files there are
 * protected by the profile folder's ACL), so the check is skipped there.
 */
export function expectOwnerOnly(file: string): void {
  if (process.platform === 'win32') {
    console.log(`skipped the 0600 mode check of ${path.basename(file)}: Windows has no POSIX file modes`);
    return;
  }
  expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
}
