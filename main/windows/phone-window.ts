import { BrowserWindow, screen, session } from 'electron';
import { placeWindow, type Bounds } from '../domain/window-placement';
import { isPermissionAllowed } from '../security/permission-policy';

export interface PhoneWindowOptions {
  preloadPath: string;
  url: string;
  appOrigin: string;
  iconPath: string;
  /** Closing hides to the tray unless the app is quitting. */
  isQuitting: () => boolean;
  /** Where the window was last left, and where to remember it. */
  savedBounds: Bounds | null;
  saveBounds: (bounds: Bounds) => void;
}

const MINIMUM = { width: 360, height: 520 };

/**
 * The one phone window. Security settings (why — do not change without a
 * security review): the page runs sandboxed, isolated from the preload,
 * without Node; it may not navigate away or open windows; it gets the
 * microphone and notifications only.
 */
export function createPhoneWindow(options: PhoneWindowOptions): BrowserWindow {
  const placed = placeWindow(options.savedBounds, screen.getAllDisplays().map((d) => d.workArea), MINIMUM);
  const win = new BrowserWindow({
    width: 420,
    height: 720,
    ...placed,
    minWidth: MINIMUM.width,
    minHeight: MINIMUM.height,
    show: false,
    title: 'Ringdesk',
    icon: options.iconPath,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // An incoming call must ring at once even when the window is hidden or
      // minimised all day: throttled timers would delay the SIP engine's
      // keep-alives and registration refreshes, and the ringtone itself.
      backgroundThrottling: false,
      // The ringtone must play for a call that arrives before the agent has
      // clicked anything since start (e.g. the app launched at login).
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
  guardNavigation(win, options.appOrigin);
  grantOnlyPhonePermissions(options.appOrigin);
  win.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
  win.once('ready-to-show', () => win.show());
  rememberBounds(win, options.saveBounds);
  void win.loadURL(options.url);
  return win;
}

function rememberBounds(win: BrowserWindow, save: (bounds: Bounds) => void): void {
  let pending: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    if (pending) clearTimeout(pending);
    // Moving fires dozens of events a second: write once it settles.
    pending = setTimeout(() => !win.isDestroyed() && save(win.getNormalBounds()), 500);
  };
  win.on('moved', schedule);
  win.on('resized', schedule);
}

function guardNavigation(win: BrowserWindow, appOrigin: string): void {
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${appOrigin}/`)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // The phone page has no links out; a page that tries to open one is up to no good.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function grantOnlyPhonePermissions(appOrigin: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, appOrigin, mediaTypes }));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionAllowed({
      permission,
      requestingUrl: requestingOrigin || details.requestingUrl || '',
      appOrigin,
      mediaTypes: details.mediaType ? [details.mediaType] : undefined,
    }),
  );
}
