/**
 * The phone window's Content-Security-Policy (why — do not change without a
 * security review): scripts only from our own bundle, no inline script or
 * eval, no plugins, no framing. connect-src allows any wss:// server (the
 * agent's PBX is configured at run time) and ws:// only on this computer,
 * matching what the account form accepts.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob: mediastream:",
    "connect-src 'self' wss: ws://localhost:* ws://127.0.0.1:* ws://[::1]:*",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
  ].join('; ');
}
