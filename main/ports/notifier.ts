/** A button on a notification. */
export interface NotificationAction {
  id: NotificationActionId;
  label: string;
}

export type NotificationActionId = 'answer' | 'decline';

/** Native desktop notifications. */
export interface DesktopNotification {
  /** Replaces an earlier notification with the same tag. */
  tag: string;
  title: string;
  body: string;
  urgent?: boolean;
  /** Stays on screen until closed (a ringing call), where the OS allows it. */
  persistent?: boolean;
  /** An update of one already on screen (a burst of calls): replace it without a sound. */
  quiet?: boolean;
  /**
   * Buttons, where the OS supports them (macOS, Windows). Elsewhere the
   * notification shows without them, and clicking it opens the window.
   */
  actions?: NotificationAction[];
}

export interface NotificationHandlers {
  /** The agent clicked the notification itself. */
  onClick?: () => void;
  /** The agent pressed one of its buttons. */
  onAction?: (id: NotificationActionId) => void;
}

export interface Notifier {
  show(notification: DesktopNotification, handlers?: NotificationHandlers): void;
  close(tag: string): void;
}
