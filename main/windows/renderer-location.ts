import { originOf } from '../security/sender-trust';
import { APP_ORIGIN } from './app-origin';

/** The page the phone window loads, and the one origin main trusts for IPC, the microphone and navigation. */
export interface RendererLocation {
  url: string;
  origin: string;
}

/** Hosts that are this computer: a dev server there is the developer's own. */
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Where the phone window loads its page from.
 *
 * Security — do not change without a security review: whatever page this
 * returns is trusted by every IPC handler (the origin is the sender-trust
 * gate), gets the microphone and notifications, and can save and test the
 * SIP account. So electron-vite's dev server (`ELECTRON_RENDERER_URL`) is
 * used only by an unpackaged app, and only when it is http(s) on this
 * computer's loopback; anyone able to set an agent's environment must not
 * be able to point the packaged app at their own page. Anything else gets
 * the built page from our own `ringdesk://app` origin.
 */
export function rendererLocation(input: { isPackaged: boolean; devServerUrl: string | undefined }): RendererLocation {
  const built: RendererLocation = { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN };
  if (input.isPackaged || !input.devServerUrl) return built;
  return loopbackDevServer(input.devServerUrl) ?? built;
}

function loopbackDevServer(url: string): RendererLocation | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!LOOPBACK_HOSTS.has(parsed.hostname) && !LOOPBACK_IPV4.test(parsed.hostname)) return null;
  const origin = originOf(parsed.href);
  return origin ? { url: parsed.href, origin } : null;
}
