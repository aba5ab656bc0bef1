import type { TrayMenuItem, TrayView } from '../../main/domain/tray-view';
import type { DesktopNotification, Notifier } from '../../main/ports/notifier';
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
  readonly open = new Map<string, { notification: DesktopNotification; onClick?: () => void }>();

  show(notification: DesktopNotification, onClick?: () => void): void {
    this.shown.push(notification);
    this.open.set(notification.tag, { notification, onClick });
  }

  close(tag: string): void {
    this.open.delete(tag);
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
