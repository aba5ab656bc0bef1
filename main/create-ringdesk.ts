import type { AppSnapshot, Notice } from '../common/schemas/snapshot';
import type { Bounds } from './domain/window-placement';
import type { TrayMenuItem } from './domain/tray-view';
import { contractEvents, createContractHandlers } from './ipc/contract-handlers';
import type { RendererEmitter } from './ipc/ipc-registry';
import type { ContractHandlers } from './ipc/register-handlers';
import type { Clock } from './ports/clock';
import type { HistoryStore } from './ports/history-store';
import type { RecordingStore } from './services/recordings/recording-store';
import type { Logger } from './ports/logger';
import type { Notifier } from './ports/notifier';
import type { SecretVault } from './ports/secret-vault';
import type { FileQuarantine, StoreFileFactory } from './ports/settings-file';
import type { TrayPort } from './ports/tray';
import { AccountService } from './services/account-service';
import { createAppLinkIntake } from './services/app-links';
import { createCallServices } from './services/call-services';
import { createPresenceService } from './services/presence-service';
import { createReachabilityNotifier } from './services/reachability-notifier';
import { createRegistrationService } from './services/registration-service';
import { openSettings } from './services/settings-file';
import { createWorkspaceClient, type WorkspaceClient } from './services/workspace/workspace-client';
import { WorkspaceSession } from './services/workspace/workspace-session';
import { createTeamClient, type TeamClient } from './services/workspace/team-client';
import { createTeamService } from './services/workspace/team-service';
import type { TeamCopyStore } from './services/workspace/team-copy-store';
import { LiveSync, type TeamEvents } from './services/workspace/live-sync';
import { wsLiveSocket, type LiveSocketFactory } from './services/workspace/live-socket';
import { createStatusReporter } from './services/workspace/status-reporter';
import { createTeamPush } from './services/workspace/team-push';
import { createFileSettingsRepository } from './services/settings-repository';
import { createSnapshotPublisher } from './services/snapshot-publisher';

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
  /** Recordings (the app and tests: a recordings/ folder in the data folder). */
  recordings: RecordingStore;
  /** The last copy of the team read, for reading offline (the app and tests: team-copy.json in the data folder). */
  teamCopy: TeamCopyStore;
  log: Logger;
  /** The team workspace's HTTP API (the real one by default; tests point it at a real server too). */
  workspaceClient?: WorkspaceClient;
  /** The workspace's team routes (the real one by default). */
  teamClient?: TeamClient;
  /** The workspace's push channel (the `ws` client by default). */
  liveSocket?: LiveSocketFactory;
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
  /** The team's live changes while signed in to a workspace (the Team area and the dashboard listen). */
  team: { events: TeamEvents; liveSync: LiveSync };
  /** Links the OS hands the app (main/adapters/electron-app-links.ts delivers them; the harness too). */
  links: { open(raw: unknown): Promise<void> };
}

export const QUIT_UNREGISTER_TIMEOUT_MS = 3_000;

/**
 * Composition only: builds main's services from their ports and wires them
 * together; the IPC contract is mapped onto them in ipc/contract-handlers.ts.
 * Shared by the Electron composition root (main/index.ts) and the
 * end-to-end harness, so the tests run exactly the services that ship.
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
  const sipAccounts = new AccountService({ settings, vault, log });
  const workspaceClient = ports.workspaceClient ?? createWorkspaceClient();
  const workspace = new WorkspaceSession({
    settings,
    vault,
    client: workspaceClient,
    clock,
    log,
    instanceId: () => sipAccounts.instanceId(),
    connectionChanged: () => void publisher.publish(),
    forgetTeamCopy: () => ports.teamCopy.clear(),
  });
  /** Where the phone's SIP account comes from: the workspace while signed in, the typed-in account otherwise. */
  const accounts = {
    summary: async () => ((await workspace.signedIn()) ? workspace.summary() : sipAccounts.summary()),
    engineAccount: async () => ((await workspace.signedIn()) ? workspace.engineAccount() : sipAccounts.engineAccount()),
    notices: () => sipAccounts.notices(),
  };
  const systemNotices: Notice[] = opened.recovery ? [opened.recovery] : [];

  let emit: RendererEmitter | null = null;
  const renderer = contractEvents(() => emit);

  const calls = createCallServices({
    history: ports.history,
    notifier: ports.notifier,
    showWindow: ports.showWindow,
    clock,
    log,
    renderer,
    settings: async () => ({ ...(await settings.load()).preferences, presence: presence.current() }),
    noticesChanged: () => void publisher.publish(),
    onCallChanged: () => reportStatus(),
  });
  const reachability = createReachabilityNotifier({ notifier: ports.notifier, showWindow: ports.showWindow });
  const registration = createRegistrationService({
    clock,
    random: ports.random,
    log,
    sendCommand: (command) => renderer.engineCommand(command),
    changed: (prev, next) => {
      reachability.registrationChanged(prev, next);
      void publisher.publish();
    },
  });
  const { lifecycle } = registration;
  const presence = createPresenceService({
    initial: opened.document.presence,
    apply: (next) => lifecycle.setPresence(next),
    settings,
    log,
    changed: async () => {
      reportStatus();
      await publisher.publish();
    },
  });
  const publisher = createSnapshotPublisher({
    accounts,
    workspace,
    settings,
    presence: () => presence.current(),
    registration: () => lifecycle.current,
    systemNotices,
    callNotices: () => calls.notices(),
    tray: ports.tray,
    renderer,
    log,
  });

  // Live sync and status: one push connection while signed in; presence and call state told to the workspace.
  const statusReporter = createStatusReporter({
    put: async (report) => {
      const view = await workspace.view();
      if (view) await workspaceClient.putStatus(view.url, await workspace.accessToken(), report);
    },
    clock,
    log,
  });
  const liveSync = new LiveSync({
    session: workspace,
    socket: ports.liveSocket ?? wsLiveSocket,
    clock,
    random: ports.random,
    log,
    copyChanged: () => void publisher.publish(),
    sessionEnded: () => void afterSessionEnded(),
  });
  liveSync.onConnected(() => void statusReporter.resend());
  // The Team area and the dashboard follow the team's changes: a burst reaches the window as one update.
  const teamPush = createTeamPush({ events: liveSync.teamEvents, clock, send: (update) => renderer.teamChanged(update) });
  function reportStatus(): void {
    if (liveSync.current !== 'stopped') statusReporter.report({ presence: presence.current(), onCall: calls.onCall() });
  }
  function startLive(): void {
    liveSync.start();
    reportStatus();
  }
  /** Signed in or made the team: push connection, status reports, the SIP account, the window. */
  async function afterSignedIn(): Promise<void> {
    startLive();
    lifecycle.setAccount(await accounts.engineAccount());
    await publisher.publish();
  }
  async function afterSessionEnded(): Promise<void> {
    liveSync.stop();
    statusReporter.stop();
    lifecycle.setAccount(await accounts.engineAccount());
    await publisher.publish();
  }

  const links = createAppLinkIntake({
    session: async () => ({ workspaceUrl: (await workspace.view())?.url ?? null, sipAccount: (await sipAccounts.summary()) !== null }),
    showWindow: ports.showWindow,
    send: (opened) => renderer.linkOpened(opened),
    log,
  });

  ports.tray.onSelect((item: TrayMenuItem) => {
    if (item.kind === 'presence') void presence.set(item.presence);
    else if (item.kind === 'action' && item.action === 'show-window') ports.showWindow();
    else if (item.kind === 'action' && item.action === 'retry') lifecycle.retryNow();
    else if (item.kind === 'action' && item.action === 'quit') ports.requestQuit();
  });

  lifecycle.setPresence(presence.current());
  lifecycle.setAccount(await accounts.engineAccount());
  await publisher.publish();
  // In the background: the phone registers with the last copy while the workspace is asked for a fresh one.
  void workspace.resume().then(async (outcome) => {
    if (outcome === 'none') return;
    // Offline too: live sync keeps trying with its backoff and catches up once the workspace answers.
    if (outcome !== 'ended') startLive();
    lifecycle.setAccount(await accounts.engineAccount());
    await publisher.publish();
  });
  // In the background: start-up does not wait for the history file.
  void ports.history.load();

  const handlers = createContractHandlers({
    state: { snapshot: publisher.snapshot, dismissNotice: publisher.dismiss },
    account: {
      save: async (input) => {
        await sipAccounts.save(input);
        lifecycle.setAccount(await accounts.engineAccount());
        await publisher.publish();
      },
      prepareTest: (input) => sipAccounts.prepareTest(input),
    },
    workspace: {
      signIn: async (input) => {
        await workspace.signIn(input);
        await afterSignedIn();
      },
      createTeam: async (input) => {
        await workspace.createTeam(input);
        await afterSignedIn();
      },
      signOut: async () => {
        liveSync.stop();
        statusReporter.stop();
        await workspace.signOut();
        lifecycle.setAccount(await accounts.engineAccount());
        await publisher.publish();
      },
      setExtendedDashboard: async (on) => {
        await workspace.setExtendedDashboard(on);
        await publisher.publish();
      },
    },
    team: createTeamService({ session: workspace, client: ports.teamClient ?? createTeamClient(), copies: ports.teamCopy, log, sessionChanged: () => void publisher.publish() }),
    presence,
    preferences: {
      update: async (patch) => {
        await settings.update((doc) => ({ ...doc, preferences: { ...doc.preferences, ...patch } }));
        await publisher.publish();
      },
    },
    registration: { retryNow: () => lifecycle.retryNow() },
    engine: { ready: () => lifecycle.rendererReady(), report: (report) => lifecycle.report(report) },
    calls,
    recordings: ports.recordings,
    links,
  });

  return {
    handlers,
    attachRenderer(next) {
      emit = next;
    },
    rendererGone: () => {
      lifecycle.rendererGone();
      links.rendererGone();
      void calls.rendererGone();
      void ports.recordings.abandonUploads(); // a reloaded window cannot continue them
    },
    power: { suspend: () => lifecycle.suspend(), resume: () => lifecycle.resume() },
    network: {
      setOnline: (online) => {
        lifecycle.setOnline(online);
        if (online) liveSync.retryNow();
      },
    },
    snapshot: publisher.snapshot,
    windowBounds: {
      load: async () => (await settings.load()).window,
      save: async (bounds) => void (await settings.update((doc) => ({ ...doc, window: bounds }))),
    },
    team: { events: liveSync.teamEvents, liveSync },
    links: { open: (raw) => links.open(raw) },
    async shutdown(timeoutMs = QUIT_UNREGISTER_TIMEOUT_MS) {
      liveSync.stop();
      teamPush.stop();
      await registration.quit(timeoutMs);
      await Promise.all([publisher.settled(), ports.history.flush(), ports.teamCopy.flush()]);
    },
  };
}
