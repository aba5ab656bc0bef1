import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listenForAppLinks } from '../../main/adapters/electron-app-links';
import type { IpcSender } from '../../main/ipc/ipc-registry';
import { checkedEmitter } from '../../main/ipc/checked-emitter';
import { registerHandlers } from '../../main/ipc/register-handlers';
import { createSenderTrust } from '../../main/security/sender-trust';
import { FakeElectronApp } from '../fakes/fake-shell';
import { MemoryIpc } from '../fakes/memory-ipc';
import { createTestRingdesk } from '../fakes/test-ringdesk';
import { MEDIA_PROBE_SCRIPT, mediaProbe } from './media-probe';
import { EMIT_FUNCTION, INVOKE_BINDING, preloadInitScript } from './preload-shim';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const PRELOAD_FILE = path.join(ROOT, 'out/preload/index.cjs');
/** The harness's stand-in for the phone window's WebContents id. */
const PHONE_WINDOW_ID = 1;

export type AppInstance = Awaited<ReturnType<typeof launchApp>>;

/**
 * One Ringdesk "app": the real main services (real settings files in
 * `dataDir`, the real lifecycle machine, the real IPC handlers and checks)
 * joined to the real built renderer in its own Chromium context through the
 * real preload. Only Electron's own objects are fakes (see fakes/fake-shell).
 * Several instances can run side by side against one Kamailio.
 */
export async function launchApp(options: {
  browser: Browser;
  rendererOrigin: string;
  dataDir?: string;
  locale?: string;
  context?: BrowserContextOptions;
  /** The command line of this start (Windows and Linux pass a clicked link in it). */
  argv?: string[];
}) {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-app-'));
  const { ringdesk, shell, log } = await createTestRingdesk({ dir: dataDir });
  const ipc = new MemoryIpc();
  registerHandlers({
    registry: ipc,
    handlers: ringdesk.handlers,
    isTrustedSender: createSenderTrust(options.rendererOrigin, () => PHONE_WINDOW_ID),
    log,
  });

  // The window reads the country for national numbers from the computer's languages: fixed here
  // (en-US unless a test plays an agent elsewhere), not whatever the test machine's locale is.
  const context: BrowserContext = await options.browser.newContext({ locale: options.locale ?? 'en-US', ...options.context });
  // Bindings and scripts on the context: a page that replaces a crashed one gets them too.
  await context.exposeBinding(INVOKE_BINDING, (source, channel: string, payload: unknown) => {
    const sender: IpcSender = {
      webContentsId: PHONE_WINDOW_ID,
      frameUrl: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
    };
    return ipc.invoke(sender, channel, payload);
  });
  await context.addInitScript({ content: MEDIA_PROBE_SCRIPT });
  await context.addInitScript({ content: preloadInitScript(PRELOAD_FILE) });

  // main → renderer events, delivered in order like webContents.send. Events that
  // come while a delivery is under way wait and go together in the next one: one
  // page.evaluate per batch rather than per event (a round trip each made 5,000
  // history events take minutes), one task per event in the page all the same.
  let delivery: Promise<unknown> = Promise.resolve();
  let waiting: Array<readonly [string, unknown]> = [];
  const deliverWaiting = () => {
    const batch = waiting;
    waiting = [];
    return page.evaluate(
      ([fn, events]) => (window as unknown as Record<string, (events: ReadonlyArray<readonly [string, unknown]>) => Promise<void>>)[fn]?.(events),
      [EMIT_FUNCTION, batch] as const,
    );
  };
  // As in a dev build: delta events are checked against the contract's schemas before they leave main.
  ringdesk.attachRenderer(checkedEmitter((channel, payload) => {
    waiting.push([channel, payload]);
    // The first event to wait schedules the delivery that takes it and all that join it.
    if (waiting.length === 1) delivery = delivery.then(deliverWaiting).catch(() => undefined);
  }, (channel, problem) => log.error(`invalid ${channel} event dropped: ${problem}`)));
  // Links reach main as main/index.ts wires them: Electron's app (faked) → the adapter → ringdesk.links.
  const electronApp = new FakeElectronApp();
  const linksOpened: Array<Promise<void>> = [];
  listenForAppLinks(electronApp, { argv: options.argv ?? ['/opt/Ringdesk/ringdesk'], defaultApp: false, execPath: '/opt/Ringdesk/ringdesk', log }).deliverTo(
    (raw) => void linksOpened.push(ringdesk.links.open(raw)),
  );

  let page!: Page;
  /** Opens the phone window's page; main's events go to it from the start, as to a reloaded window. */
  const openPage = async (): Promise<void> => {
    const opened = await context.newPage();
    page = opened;
    // Like did-start-loading in the app: a navigation or reload takes the engine with it.
    opened.on('framenavigated', (frame) => {
      if (frame === opened.mainFrame()) ringdesk.rendererGone();
    });
    opened.on('pageerror', (error) => log.error(`page error: ${error.message}`));
    await opened.goto(`${options.rendererOrigin}/index.html`);
  };
  await openPage();

  let closed = false;
  return {
    /** The phone window's page (a new one after {@link crashRenderer}). */
    get page(): Page {
      return page;
    },
    get probe() {
      return mediaProbe(page);
    },
    ringdesk,
    shell,
    log,
    dataDir,
    /** powerMonitor 'suspend' / 'resume' */
    suspend: () => ringdesk.power.suspend(),
    resume: () => ringdesk.power.resume(),
    setOnline: (online: boolean) => ringdesk.network.setOnline(online),
    /**
     * The agent clicked a link elsewhere, handed over as the OS does: macOS
     * `open-url`, or (`via: 'second-instance'`) a second start whose command
     * line holds it. Resolves once main has acted on it.
     */
    async openLink(url: string, via: 'open-url' | 'second-instance' = 'open-url'): Promise<void> {
      if (via === 'open-url') electronApp.openUrl(url);
      else electronApp.secondInstance(['/opt/Ringdesk/ringdesk', url]);
      await Promise.all(linksOpened);
    },
    /**
     * The renderer process dies (chrome://crash: no unload, no un-REGISTER),
     * then comes back the way main/index.ts brings it back: render-process-gone
     * → rendererGone(), and a reload.
     */
    async crashRenderer(): Promise<void> {
      const crashed = page.waitForEvent('crash');
      await page.goto('chrome://crash').catch(() => undefined);
      await crashed;
      ringdesk.rendererGone();
      // A crashed Playwright page cannot navigate again: a new page stands in for the reloaded window.
      const dead = page;
      await openPage();
      await dead.close().catch(() => undefined);
    },
    /** What the app does on quit: un-REGISTER (bounded), then close the window. */
    async quit(): Promise<void> {
      await ringdesk.shutdown();
      await this.close();
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
    },
  };
}
