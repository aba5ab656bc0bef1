import { events } from '../../preload/contract';
import type { Presence } from '../../common/schemas/presence';
import type { RegistrationView } from '../../common/schemas/registration';
import type { AppSnapshot, Notice } from '../../common/schemas/snapshot';
import type { Bounds } from '../domain/window-placement';
import { decideReachabilityNotification } from '../domain/notification-policy';
import { deriveReachability } from '../domain/reachability';
import { RegistrationLifecycle } from '../domain/registration-lifecycle';
import { deriveTrayView, type TrayMenuItem } from '../domain/tray-view';
import type { ContractHandlers } from '../ipc/register-handlers';
import type { RendererEmitter } from '../ipc/ipc-registry';
import type { Clock } from '../ports/clock';
import type { HistoryStore } from '../ports/history-store';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { SecretVault } from '../ports/secret-vault';
import type { FileQuarantine, StoreFileFactory } from '../ports/settings-file';
import type { TrayPort } from '../ports/tray';
import { AccountService } from './account-service';
import { createCallServices } from './call-services';
import { openSettings } from './settings-file';
import { createFileSettingsRepository } from './settings-repository';

/** Everything main's services need from the outside world. Electron adapters in the app, fakes in tests. */
export interface RingdeskPorts {
  settings: { factory: StoreFileFactory; quarantine: FileQuarantine };
  vault: SecretVault;
  clock: Clock;
  random: () => number;
  tray: TrayPort;
  notifier: Notifier;
  /** The call history (the app and tests: a history.jsonl in the data folder). */
  history: HistoryStore;
  log: Logger;
  /** Brings the phone window forward. */
  showWindow: () => void;
  /** The agent asked to quit (tray or menu). */
  requestQuit: () => void;
}

export interface Ringdesk {
  handlers: ContractHandlers;
  /** A phone window exists and can receive events. */
  attachRenderer(emit: RendererEmitter): void;
  /** The renderer crashed or is reloading: its engine is gone. */
  rendererGone(): void;
  power: { suspend(): void; resume(): void };
  network: { setOnline(online: boolean): void };
  snapshot(): Promise<AppSnapshot>;
  /** Un-REGISTERs, waiting at most `timeoutMs` for the server. */
  shutdown(timeoutMs?: number): Promise<void>;
  /** Where the phone window was last left. */
  windowBounds: { load(): Promise<Bounds | null>; save(bounds: Bounds): Promise<void> };
}

export const QUIT_UNREGISTER_TIMEOUT_MS = 3_000;

/**
 * Builds main's services from their ports. Shared by the Electron
 * composition root (main/index.ts) and the end-to-end harness, so the
 * tests run exactly the services that ship.
 */
export async function createRingdesk(ports: RingdeskPorts): Promise<Ringdesk> {
  const { vault, log, clock } = ports;
  const opened = openSettings({
    factory: ports.settings.factory,
    quarantine: ports.settings.quarantine,
    migration: {
      encryptSecrets: (plain) => (vault.protection() === 'none' ? null : vault.encrypt(JSON.stringify(plain))),
    },
    now: () => new Date(clock.now()),
    log: (m) => log.warn(m),
  });
  const settings = createFileSettingsRepository(opened.file, opened.document);
  const accounts = new AccountService({ settings, vault, log });
  const dismissed = new Set<string>();
  const systemNotices: Notice[] = opened.recovery ? [opened.recovery] : [];

  let emit: RendererEmitter | null = null;
  let presence: Presence = opened.document.presence;
  let alerted = false;
  let quiescenceWaiters: Array<() => void> = [];

  const calls = createCallServices({
    history: ports.history,
    notifier: ports.notifier,
    showWindow: ports.showWindow,
    clock,
    log,
    send: (channel, payload) => emit?.(channel, payload),
    settings: async () => ({ ...(await settings.load()).preferences, presence }),
    noticesChanged: () => void publish(),
  });

  const lifecycle = new RegistrationLifecycle({
    clock,
    random: ports.random,
    send: (command) => emit?.(events.engineCommand.channel, command),
    onChange: (view) => onRegistrationChange(view),
  });

  let lastView: RegistrationView = lifecycle.current;
  function onRegistrationChange(view: RegistrationView): void {
    const prev = lastView;
    lastView = view;
    const why = 'cause' in view ? ` (${view.cause}${view.statusCode ? ` ${view.statusCode}` : ''}${view.detail ? `: ${view.detail}` : ''})` : '';
    log.info(`registration: ${prev.status} → ${view.status}${why}`);
    void notifyReachability(prev, view);
    if (lifecycle.quiescent) {
      for (const resolve of quiescenceWaiters) resolve();
      quiescenceWaiters = [];
    }
    void publish();
  }

  async function notifyReachability(prev: RegistrationView, next: RegistrationView): Promise<void> {
    const decision = decideReachabilityNotification({ prev, next, alerted });
    if (!decision) return;
    if ('close' in decision) {
      alerted = false;
      ports.notifier.close(decision.close);
    } else {
      alerted = true;
      ports.notifier.show(decision.show, { onClick: ports.showWindow });
    }
  }

  async function snapshot(): Promise<AppSnapshot> {
    const [account, accountNotices] = await Promise.all([accounts.summary(), accounts.notices()]);
    const registration = lifecycle.current;
    return {
      account,
      presence,
      preferences: (await settings.load()).preferences,
      registration,
      reachability: deriveReachability(presence, registration, account?.fields.wsServer),
      notices: [...systemNotices, ...accountNotices, ...calls.notices()].filter((n) => !dismissed.has(n.id)),
    };
  }

  // Snapshots are computed asynchronously; chaining keeps them in order.
  let publishing: Promise<void> = Promise.resolve();
  function publish(): Promise<void> {
    publishing = publishing.then(async () => {
      const snap = await snapshot();
      ports.tray.render(deriveTrayView({ accountName: snap.account?.displayName ?? null, presence: snap.presence, reachability: snap.reachability }));
      emit?.(events.snapshot.channel, snap);
    });
    publishing = publishing.catch((error: unknown) => log.error(`publishing state failed: ${String(error)}`));
    return publishing;
  }

  /** Takes effect at once; remembering it for the next start is best effort. */
  async function setPresence(next: Presence): Promise<void> {
    presence = next;
    lifecycle.setPresence(next);
    try {
      await settings.update((doc) => ({ ...doc, presence: next }));
    } catch (error) {
      log.error(`presence not saved: ${String(error)}`);
    }
    await publish();
  }

  ports.tray.onSelect((item: TrayMenuItem) => {
    if (item.kind === 'presence') void setPresence(item.presence);
    else if (item.kind === 'action' && item.action === 'show-window') ports.showWindow();
    else if (item.kind === 'action' && item.action === 'retry') lifecycle.retryNow();
    else if (item.kind === 'action' && item.action === 'quit') ports.requestQuit();
  });

  lifecycle.setPresence(presence);
  lifecycle.setAccount(await accounts.engineAccount());
  await publish();
  // In the background: start-up does not wait for the history file.
  void ports.history.load();

  const handlers: ContractHandlers = {
    app: {
      getSnapshot: () => snapshot(),
      dismissNotice: async ({ id }) => {
        dismissed.add(id);
        await publish();
        return snapshot();
      },
    },
    account: {
      save: async (input) => {
        await accounts.save(input);
        lifecycle.setAccount(await accounts.engineAccount());
        await publish();
        return snapshot();
      },
      prepareTest: (input) => accounts.prepareTest(input),
    },
    presence: {
      set: async (next) => {
        await setPresence(next);
        return snapshot();
      },
    },
    preferences: {
      update: async (patch) => {
        await settings.update((doc) => ({ ...doc, preferences: { ...doc.preferences, ...patch } }));
        await publish();
        return snapshot();
      },
    },
    registration: {
      retryNow: async () => {
        lifecycle.retryNow();
        return snapshot();
      },
    },
    ...calls.handlers,
    engine: {
      ready: async () => {
        lifecycle.rendererReady();
        return null;
      },
      report: async (report) => {
        lifecycle.report(report);
        return null;
      },
    },
  };

  return {
    handlers,
    attachRenderer(next) {
      emit = next;
    },
    rendererGone: () => {
      lifecycle.rendererGone();
      void calls.rendererGone();
    },
    power: { suspend: () => lifecycle.suspend(), resume: () => lifecycle.resume() },
    network: { setOnline: (online) => lifecycle.setOnline(online) },
    snapshot,
    windowBounds: {
      load: async () => (await settings.load()).window,
      save: async (bounds) => void (await settings.update((doc) => ({ ...doc, window: bounds }))),
    },
    async shutdown(timeoutMs = QUIT_UNREGISTER_TIMEOUT_MS) {
      lifecycle.beginQuit();
      if (!lifecycle.quiescent) {
        await new Promise<void>((resolve) => {
          const cancel = clock.setTimer(resolve, timeoutMs);
          quiescenceWaiters.push(() => {
            cancel();
            resolve();
          });
        });
      }
      await Promise.all([publishing, ports.history.flush()]);
    },
  };
}
