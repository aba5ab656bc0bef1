import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../../main/windows/app-origin';
import { rendererLocation } from '../../../../main/windows/renderer-location';

const BUILT = { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN };

describe('where the phone window loads its page from', () => {
  it('loads the built page from the app origin when no dev server is set', () => {
    expect(rendererLocation({ isPackaged: false, devServerUrl: undefined })).toEqual(BUILT);
    expect(rendererLocation({ isPackaged: false, devServerUrl: '' })).toEqual(BUILT);
    expect(rendererLocation({ isPackaged: true, devServerUrl: undefined })).toEqual(BUILT);
  });

  it('ignores ELECTRON_RENDERER_URL in the packaged app, even one on this computer', () => {
    for (const devServerUrl of ['http://localhost:5173/', 'http://127.0.0.1:5173/', 'https://attacker.example/phish'])
      expect(rendererLocation({ isPackaged: true, devServerUrl })).toEqual(BUILT);
  });

  it.each([
    ['localhost', 'http://localhost:5173/', 'http://localhost:5173'],
    ['127.0.0.1', 'http://127.0.0.1:5173/', 'http://127.0.0.1:5173'],
    ['another 127.x address', 'http://127.1.2.3:8080/index.html', 'http://127.1.2.3:8080'],
    ['IPv6 loopback', 'http://[::1]:5173/', 'http://[::1]:5173'],
    ['https on localhost', 'https://localhost:5173/', 'https://localhost:5173'],
  ])('uses the dev server when unpackaged and on %s, and trusts only its origin', (_what, devServerUrl, origin) => {
    const location = rendererLocation({ isPackaged: false, devServerUrl });
    expect(location).toEqual({ url: new URL(devServerUrl).href, origin });
  });

  it.each([
    ['a remote http server', 'http://attacker.example:5173/'],
    ['a remote https server', 'https://attacker.example/'],
    ['a LAN address', 'http://192.168.1.20:5173/'],
    ['a name that only starts with localhost', 'http://localhost.attacker.example/'],
    ['a name that only starts with 127.', 'http://127.0.0.1.attacker.example/'],
    ['a user-info trick', 'http://localhost@attacker.example/'],
    ['the wildcard address', 'http://0.0.0.0:5173/'],
    ['a file URL', 'file:///tmp/evil/index.html'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['our own scheme', `${APP_ORIGIN}/index.html`],
    ['a WebSocket URL', 'ws://localhost:5173/'],
    ['garbage', 'not a url'],
  ])('refuses %s even unpackaged, falling back to the built page', (_what, devServerUrl) => {
    expect(rendererLocation({ isPackaged: false, devServerUrl })).toEqual(BUILT);
  });
});
