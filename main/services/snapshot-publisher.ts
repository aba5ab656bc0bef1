import { createSerialQueue } from '../../common/serial-queue';
import type { Presence } from '../../common/schemas/presence';
import type { RegistrationView } from '../../common/schemas/registration';
import type { AppSnapshot, Notice } from '../../common/schemas/snapshot';
import { deriveReachability } from '../domain/reachability';
import { deriveTrayView } from '../domain/tray-view';
import type { Logger } from '../ports/logger';
import type { TrayPort } from '../ports/tray';
import type { AccountService } from './account-service';
import type { WorkspaceSession } from './workspace/workspace-session';
import type { RendererEvents } from './renderer-events';
import type { SettingsRepository } from './settings-repository';

export interface SnapshotPublisher {
  /** Everything the window mirrors, as of now. */
  snapshot(): Promise<AppSnapshot>;
  /** Pushes the current state to the tray and the window (in order). */
  publish(): Promise<void>;
  /** The agent has read this notice: it is left out from now on. */
  dismiss(id: string): Promise<void>;
  /** Resolves once every publish asked for so far is done. */
  settled(): Promise<void>;
}

/** Puts together the AppSnapshot and pushes it to the tray and the window. */
export function createSnapshotPublisher(deps: {
  accounts: Pick<AccountService, 'summary' | 'notices'>;
  /** The team workspace session, when signed in: it is then where the account comes from. */
  workspace: Pick<WorkspaceSession, 'view' | 'notices'>;
  settings: SettingsRepository;
  presence: () => Presence;
  registration: () => RegistrationView;
  /** Notices main raised on its own (e.g. settings recovered at start). */
  systemNotices: readonly Notice[];
  callNotices: () => Notice[];
  tray: TrayPort;
  renderer: Pick<RendererEvents, 'snapshot'>;
  log: Logger;
}): SnapshotPublisher {
  const dismissed = new Set<string>();

  async function snapshot(): Promise<AppSnapshot> {
    const [account, accountNotices, workspace] = await Promise.all([deps.accounts.summary(), deps.accounts.notices(), deps.workspace.view()]);
    const presence = deps.presence();
    const registration = deps.registration();
    return {
      account,
      workspace,
      presence,
      preferences: (await deps.settings.load()).preferences,
      registration,
      reachability: deriveReachability(presence, registration, account?.fields.wsServer),
      notices: [...deps.systemNotices, ...accountNotices, ...deps.workspace.notices(), ...deps.callNotices()].filter((n) => !dismissed.has(n.id)),
    };
  }

  // Snapshots are computed asynchronously; one queue keeps them in order.
  const publishing = createSerialQueue((error) => deps.log.error(`publishing state failed: ${String(error)}`));
  /** The TrayView last drawn, serialised (it is plain data). */
  let lastTray: string | null = null;
  function publish(): Promise<void> {
    return publishing.run(async () => {
      const snap = await snapshot();
      const view = deriveTrayView({ accountName: snap.account?.displayName ?? null, presence: snap.presence, reachability: snap.reachability });
      // Rebuilding the native tray menu is not free: only when it would look different.
      const drawn = JSON.stringify(view);
      if (drawn !== lastTray) {
        deps.tray.render(view);
        lastTray = drawn;
      }
      deps.renderer.snapshot(snap);
    }).catch(() => undefined); // logged by the queue
  }

  return {
    snapshot,
    publish,
    async dismiss(id) {
      dismissed.add(id);
      await publish();
    },
    settled: () => publishing.idle(),
  };
}
