import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileTeamCopyStore, type TeamCopyStore } from '../../main/services/workspace/team-copy-store';
import type { Logger } from '../../main/ports/logger';

/** The real team copy store over a fresh temporary folder (tests that do not look at it). */
export function tempTeamCopy(log: Logger, now: () => number = Date.now): TeamCopyStore {
  return createFileTeamCopyStore({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-team-copy-')), now, log });
}
