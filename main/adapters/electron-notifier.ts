import { Notification } from 'electron';
import type { Notifier } from '../ports/notifier';

/** Native notifications; keeps a reference so they are not garbage-collected while shown. */
export function createElectronNotifier(): Notifier {
  const shown = new Map<string, Notification>();
  return {
    show(n, onClick) {
      if (!Notification.isSupported()) return;
      shown.get(n.tag)?.close();
      const notification = new Notification({ title: n.title, body: n.body, urgency: n.urgent ? 'critical' : 'normal', silent: false });
      if (onClick) notification.on('click', onClick);
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
