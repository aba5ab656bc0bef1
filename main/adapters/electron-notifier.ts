import { Notification } from 'electron';
import { escapeMarkup } from '../domain/notification-markup';
import type { Notifier } from '../ports/notifier';

/**
 * Native notifications; keeps a reference so they are not garbage-collected
 * while shown. Buttons work on macOS and Windows (Electron ≥ 38); Linux
 * notification daemons get none, so there a click opens the window instead.
 */
export function createElectronNotifier(platform: NodeJS.Platform = process.platform): Notifier {
  const shown = new Map<string, Notification>();
  const buttonsSupported = platform === 'darwin' || platform === 'win32';
  return {
    show(n, handlers = {}) {
      if (!Notification.isSupported()) return;
      shown.get(n.tag)?.close();
      const actions = buttonsSupported && handlers.onAction ? (n.actions ?? []) : [];
      // Linux notification servers read the body as markup, and it carries
      // SIP display names, which any caller controls.
      const body = platform === 'linux' ? escapeMarkup(n.body) : n.body;
      const notification = new Notification({
        title: n.title,
        body,
        urgency: n.urgent ? 'critical' : 'normal',
        timeoutType: n.persistent ? 'never' : 'default',
        silent: n.quiet === true,
        actions: actions.map((a) => ({ type: 'button', text: a.label })),
      });
      if (handlers.onClick) notification.on('click', handlers.onClick);
      if (actions.length > 0) {
        notification.on('action', (event, legacyIndex) => {
          const index = typeof event.actionIndex === 'number' ? event.actionIndex : legacyIndex;
          const action = actions[index];
          if (action) handlers.onAction?.(action.id);
        });
      }
      notification.on('close', () => {
        if (shown.get(n.tag) === notification) shown.delete(n.tag);
      });
      shown.set(n.tag, notification);
      notification.show();
    },
    close(tag) {
      shown.get(tag)?.close();
      shown.delete(tag);
    },
  };
}
