import path from 'node:path';
import { confStoreFileFactory } from '../../main/adapters/conf-store-file';
import { fsQuarantine } from '../../main/adapters/fs-quarantine';
import type { Clock } from '../../main/ports/clock';
import { systemClock } from '../../main/ports/clock';
import { createFileHistoryStore } from '../../main/services/call-history/file-history-store';
import { createRecordingStore } from '../../main/services/recordings/recording-store';
import { createRingdesk } from '../../main/create-ringdesk';
import { createFileTeamCopyStore } from '../../main/services/workspace/team-copy-store';
import { FakeShell } from './fake-shell';
import { FakeVault } from './fake-vault';
import { MemoryLogger } from './memory-logger';

/** The real main services over a data folder (settings, call history), with Electron's objects faked. */
export async function createTestRingdesk(options: { dir: string; clock?: Clock; vault?: FakeVault; random?: () => number }) {
  const shell = new FakeShell();
  const vault = options.vault ?? new FakeVault();
  const log = new MemoryLogger();
  const ringdesk = await createRingdesk({
    settings: { factory: confStoreFileFactory(options.dir), quarantine: fsQuarantine },
    vault,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    tray: shell.tray,
    notifier: shell.notifier,
    history: createFileHistoryStore({ dir: options.dir, log }),
    recordings: createRecordingStore({ dir: path.join(options.dir, 'recordings'), now: () => (options.clock ?? systemClock).now() }),
    teamCopy: createFileTeamCopyStore({ dir: options.dir, now: () => (options.clock ?? systemClock).now(), log }),
    log,
    showWindow: shell.showWindow,
    requestQuit: shell.requestQuit,
  });
  return { ringdesk, shell, vault, log };
}
