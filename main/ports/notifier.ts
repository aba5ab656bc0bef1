/** Native desktop notifications. */
export interface DesktopNotification {
  /** Replaces an earlier notification with the same tag. */
  tag: string;
  title: string;
  body: string;
  urgent?: boolean;
}

export interface Notifier {
  show(notification: DesktopNotification, onClick?: () => void): void;
  close(tag: string): void;
}
