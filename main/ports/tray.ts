import type { TrayMenuItem, TrayView } from '../domain/tray-view';

/** The system tray (menu bar on macOS). */
export interface TrayPort {
  render(view: TrayView): void;
  /** The agent picked a menu item. */
  onSelect(handler: (item: TrayMenuItem) => void): void;
}
