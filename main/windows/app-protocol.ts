import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { APP_SCHEME } from './app-origin';

export { APP_ORIGIN, APP_SCHEME } from './app-origin';

/**
 * Must run before app 'ready'. A standard, secure custom scheme gives the
 * page a real origin (for permission and sender checks) instead of file://,
 * where every local file shares one origin.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from `rootDir`, with the CSP header, refusing paths outside it. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rootDir, `.${relative}`);
    if (url.host !== 'app' || !file.startsWith(rootDir + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
