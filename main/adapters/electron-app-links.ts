import path from 'node:path';
import { APP_LINK_SCHEMES, appLinkInArgv } from '../domain/app-link';
import type { Logger } from '../ports/logger';

/**
 * The part of Electron's `app` that links arrive through. Typed here rather
 * than imported so that the end-to-end harness can hand in a fake `app` (an
 * EventEmitter) and deliver links the way the OS does.
 */
export interface AppLinkShell {
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
}

export interface AppLinkListener {
  /** From now on links go to `open`; those that came before (the first start's, an early open-url) go first. */
  deliverTo(open: (raw: string) => void): void;
}

/**
 * Registers our link schemes with the OS and listens where each OS hands a
 * link over: macOS `open-url` (also before the app is ready, so call this
 * early), and on Windows and Linux the command line — the first start's own
 * `argv`, and a second start's, which the single-instance lock turns into
 * `second-instance` here. The installers register the schemes too
 * (electron-builder.yml `protocols`); this covers a copy run from anywhere.
 */
export function listenForAppLinks(
  app: AppLinkShell,
  options: {
    /** process.argv of this start. */
    argv: readonly string[];
    /** process.defaultApp: started as `electron <path>` (development), not as the packaged app. */
    defaultApp: boolean;
    execPath: string;
    log: Logger;
  },
): AppLinkListener {
  register(app, options);
  let open: ((raw: string) => void) | null = null;
  const early: string[] = [];
  const take = (raw: string) => (open ? open(raw) : early.push(raw));

  app.on('open-url', (event, url) => {
    event.preventDefault(); // handled: macOS need not look further
    take(url);
  });
  app.on('second-instance', (_event, argv) => {
    const link = appLinkInArgv(argv);
    if (link) take(link);
  });
  const first = appLinkInArgv(options.argv);
  if (first) early.push(first);

  return {
    deliverTo(next) {
      open = next;
      for (const raw of early.splice(0)) next(raw);
    },
  };
}

function register(app: AppLinkShell, options: { argv: readonly string[]; defaultApp: boolean; execPath: string; log: Logger }): void {
  // Unpackaged, the OS must start Electron with our app's path, or the link opens an empty Electron (Electron's deep-link docs).
  const appPath = options.argv[1];
  const args = options.defaultApp ? (appPath ? [path.resolve(appPath)] : null) : [];
  for (const scheme of APP_LINK_SCHEMES) {
    const registered = args === null ? false : args.length > 0 ? app.setAsDefaultProtocolClient(scheme, options.execPath, args) : app.setAsDefaultProtocolClient(scheme);
    if (!registered) options.log.warn(`could not register as the handler of ${scheme}: links`);
  }
}
