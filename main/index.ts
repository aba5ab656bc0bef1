import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, net, powerMonitor } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listenForAppLinks, type AppLinkListener } from './adapters/electron-app-links';
import { createConsoleLogger } from './adapters/console-logger';
import { createElectronNotifier } from './adapters/electron-notifier';
import { electronStoreFileFactory } from './adapters/electron-store-file';
import { createElectronTray } from './adapters/electron-tray';
import { electronVault } from './adapters/electron-vault';
import { fsQuarantine } from './adapters/fs-quarantine';
import { checkedEmitter } from './ipc/checked-emitter';
import { registerHandlers } from './ipc/register-handlers';
import { systemClock } from './ports/clock';
import { createSenderTrust } from './security/sender-trust';
import { createFileHistoryStore } from './services/call-history/file-history-store';
import { createRecordingStore } from './services/recordings/recording-store';
import { createFileTeamCopyStore } from './services/workspace/team-copy-store';
import { createRingdesk } from './create-ringdesk';
import { SettingsUnavailableError } from './services/settings-file';
import { watchNetwork } from './services/network-watch';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './windows/app-protocol';
import { createPhoneWindow } from './windows/phone-window';
import { rendererLocation } from './windows/renderer-location';

// Composition root: Electron adapters in, services out. Logic lives in services/ and domain/.

const log = createConsoleLogger('main');
const here = path.dirname(fileURLToPath(import.meta.url));
// Security — do not change without a security review: the page loaded here
// is what every IPC handler, the microphone and the account trust. The dev
// server URL is read only when unpackaged (see renderer-location.ts).
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const renderer = rendererLocation({ isPackaged: app.isPackaged, devServerUrl });
const appOrigin = renderer.origin;
const assetsDir = path.join(app.getAppPath(), 'assets');

// Agents' phone systems often sit on the office LAN (wss://192.168.x.x):
// Chromium's Local Network Access checks would block the page's WebSocket
// to them, and the agent would silently never register.
app.commandLine.appendSwitch('disable-features', 'LocalNetworkAccessChecks');

let appLinks: AppLinkListener | null = null;
if (!app.requestSingleInstanceLock()) {
  // A second copy would register the same phone twice; hand over to the first (its argv, with any link, goes along).
  app.quit();
} else {
  registerAppScheme();
  // Before ready: macOS may hand over the link that started the app at once.
  appLinks = listenForAppLinks(app, { argv: process.argv, defaultApp: process.defaultApp === true, execPath: process.execPath, log });
  void app.whenReady().then(start).catch((error: unknown) => {
    // Never a tray icon with no window: say what is wrong and stop.
    log.error(`start failed: ${error instanceof Error ? error.stack : String(error)}`);
    const message = error instanceof SettingsUnavailableError ? error.message : 'Ringdesk could not start. Please restart it; if this keeps happening, reinstall it.';
    dialog.showErrorBox('Ringdesk cannot start', message);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  if (devServerUrl && renderer.origin === APP_ORIGIN) {
    log.warn('ELECTRON_RENDERER_URL ignored: only an http(s) dev server on this computer is used; loading the built page');
  }
  serveRenderer(path.join(here, '../renderer'));
  let win: BrowserWindow | null = null;
  let quitting = false;
  const showWindow = () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  const ringdesk = await createRingdesk({
    settings: { factory: electronStoreFileFactory, quarantine: fsQuarantine },
    vault: electronVault,
    clock: systemClock,
    random: Math.random,
    tray: createElectronTray(assetsDir, showWindow),
    notifier: createElectronNotifier(),
    history: createFileHistoryStore({ dir: app.getPath('userData'), log }),
    recordings: createRecordingStore({ dir: path.join(app.getPath('userData'), 'recordings'), now: () => systemClock.now() }),
    teamCopy: createFileTeamCopyStore({ dir: app.getPath('userData'), now: () => systemClock.now(), log }),
    log,
    showWindow,
    requestQuit: () => app.quit(),
  });

  registerHandlers({
    registry: {
      handle: (channel, handler) =>
        ipcMain.handle(channel, (event, payload) =>
          handler(
            {
              webContentsId: event.sender.id,
              frameUrl: event.senderFrame?.url ?? '',
              isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
            },
            payload,
          ),
        ),
    },
    handlers: ringdesk.handlers,
    isTrustedSender: createSenderTrust(appOrigin, () => win?.webContents.id ?? null),
    log,
  });

  win = createPhoneWindow({
    preloadPath: path.join(here, '../preload/index.cjs'),
    url: renderer.url,
    appOrigin,
    iconPath: path.join(assetsDir, 'icons', 'icon.png'),
    isQuitting: () => quitting,
    savedBounds: await ringdesk.windowBounds.load(),
    saveBounds: (bounds) => void ringdesk.windowBounds.save(bounds),
  });
  const contents = win.webContents;
  const send = (channel: string, payload: unknown) => {
    if (!contents.isDestroyed()) contents.send(channel, payload);
  };
  // Dev builds check delta events against the contract's schemas; the packaged app skips the cost.
  ringdesk.attachRenderer(app.isPackaged ? send : checkedEmitter(send, (channel, problem) => log.error(`invalid ${channel} event dropped: ${problem}`)));
  // A reload or crash takes the SIP engine with it; main re-registers when the new one says ready.
  contents.on('did-start-loading', () => ringdesk.rendererGone());
  contents.on('render-process-gone', (_event, details) => {
    log.error(`renderer gone: ${details.reason}`);
    ringdesk.rendererGone();
    if (details.reason !== 'clean-exit') setTimeout(() => !contents.isDestroyed() && contents.reload(), 1_000);
  });

  powerMonitor.on('suspend', () => ringdesk.power.suspend());
  powerMonitor.on('resume', () => ringdesk.power.resume());
  // Logging off or shutting down skips before-quit on Windows (session-end)
  // and elsewhere (shutdown): un-REGISTER there too, or the server keeps
  // routing calls to a phone that is gone until the binding expires.
  const unregisterAndExit = () => {
    quitting = true;
    void ringdesk.shutdown().finally(() => app.exit(0));
  };
  powerMonitor.on('shutdown', unregisterAndExit);
  win.on('session-end', unregisterAndExit);
  watchNetwork(() => net.isOnline(), (online) => ringdesk.network.setOnline(online));
  // Links now have a window to show their outcome in (the renderer collects one that came before it listened).
  appLinks?.deliverTo((raw) => void ringdesk.links.open(raw));

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Un-REGISTER first (bounded), so the server stops routing calls to a phone that is gone.
    event.preventDefault();
    quitting = true;
    void ringdesk.shutdown().finally(() => app.exit(0));
  });
}
