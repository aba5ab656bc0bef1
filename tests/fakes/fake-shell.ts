import { EventEmitter } from 'node:events';
import type { AppLinkShell } from '../../main/adapters/electron-app-links';
import type { TrayMenuItem, TrayView } from '../../main/domain/tray-view';
import type { DesktopNotification, NotificationActionId, NotificationHandlers, Notifier } from '../../main/ports/notifier';
import type { TrayPort } from '../../main/ports/tray';

/**
 * The one fake of Electron's own objects (Tray, Notification, window
 * showing, quit): records what main asks of them and lets a test act as the
 * agent (click a tray item, click a notification).
 */
export class FakeTray implements TrayPort {
  readonly history: TrayView[] = [];
  private handler: ((item: TrayMenuItem) => void) | null = null;

  render(view: TrayView): void {
    this.history.push(view);
  }

  onSelect(handler: (item: TrayMenuItem) => void): void {
    this.handler = handler;
  }

  get current(): TrayView | undefined {
    return this.history.at(-1);
  }

  /** Clicks the menu item with this label, as the agent would. */
  click(label: string): void {
    const item = this.current?.menu.find((i) => 'label' in i && i.label === label);
    if (!item || item.kind === 'separator' || item.kind === 'info') throw new Error(`No clickable tray item "${label}"`);
    if (item.kind === 'presence' && !item.enabled) throw new Error(`Tray item "${label}" is disabled`);
    this.handler?.(item);
  }
}

export class FakeNotifier implements Notifier {
  readonly shown: DesktopNotification[] = [];
  /** When each of `shown` appeared (epoch ms), for the benchmarks. */
  readonly shownAt: number[] = [];
  readonly open = new Map<string, { notification: DesktopNotification } & NotificationHandlers>();
  /** Tags of notifications main withdrew, in order. */
  readonly closed: string[] = [];

  show(notification: DesktopNotification, handlers: NotificationHandlers = {}): void {
    this.shown.push(notification);
    this.shownAt.push(Date.now());
    this.open.set(notification.tag, { notification, ...handlers });
  }

  close(tag: string): void {
    this.closed.push(tag);
    this.open.delete(tag);
  }

  /** The notification on screen with this title (the newest, if several). */
  find(title: string | RegExp): DesktopNotification | undefined {
    return [...this.open.values()].reverse().find(({ notification: n }) => (typeof title === 'string' ? n.title === title : title.test(n.title)))?.notification;
  }

  /** Clicks the notification itself, as the agent would. */
  click(tag: string): void {
    const shown = this.open.get(tag);
    if (!shown) throw new Error(`No notification "${tag}" on screen`);
    shown.onClick?.();
  }

  /** Presses one of the notification's buttons (Answer, Decline), as the agent would. */
  act(tag: string, action: NotificationActionId): void {
    const shown = this.open.get(tag);
    if (!shown) throw new Error(`No notification "${tag}" on screen`);
    if (!shown.notification.actions?.some((a) => a.id === action)) throw new Error(`Notification "${tag}" has no "${action}" button`);
    if (!shown.onAction) throw new Error(`Notification "${tag}" does not listen to its buttons`);
    // Like the OS: pressing a button dismisses the notification.
    this.open.delete(tag);
    shown.onAction(action);
  }
}

export class FakeShell {
  readonly tray = new FakeTray();
  readonly notifier = new FakeNotifier();
  windowShown = 0;
  quitRequested = 0;
  showWindow = () => void this.windowShown++;
  requestQuit = () => void this.quitRequested++;
}

/**
 * Electron's `app` as far as links go (main/adapters/electron-app-links.ts):
 * records the schemes registered with the OS and lets a test hand over a
 * link the way each OS does.
 */
export class FakeElectronApp implements AppLinkShell {
  readonly registered: Array<{ protocol: string; path?: string; args?: string[] }> = [];
  /** open-url events whose default macOS handling was prevented. */
  prevented = 0;
  private readonly emitter = new EventEmitter();

  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): this;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): this;
  on(event: string, listener: (event: never, value: never) => void): this {
    this.emitter.on(event, listener as (...args: unknown[]) => void);
    return this;
  }

  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    this.registered.push({ protocol, ...(path === undefined ? {} : { path }), ...(args === undefined ? {} : { args }) });
    return true;
  }

  /** macOS: the agent clicked a link (or it started the app). */
  openUrl(url: string): void {
    this.emitter.emit('open-url', { preventDefault: () => void this.prevented++ }, url);
  }

  /** Windows and Linux: the OS started a second copy with the link in its command line; the lock hands it to us. */
  secondInstance(argv: string[]): void {
    this.emitter.emit('second-instance', {}, argv);
  }
}
