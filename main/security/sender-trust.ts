import type { IpcSender } from '../ipc/ipc-registry';

/**
 * Only the phone window's own top-level page may call main: not an iframe,
 * not a page it navigated to, not another WebContents (why — do not change
 * without a security review: every IPC handler relies on this gate).
 */
export function createSenderTrust(appOrigin: string, phoneWindowId: () => number | null): (sender: IpcSender) => boolean {
  return (sender) => {
    if (!sender.isMainFrame || sender.webContentsId !== phoneWindowId()) return false;
    return originOf(sender.frameUrl) === appOrigin;
  };
}

/**
 * scheme://host, also for our custom `ringdesk://` scheme, whose WHATWG
 * `origin` is the opaque "null" outside Chromium.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}
