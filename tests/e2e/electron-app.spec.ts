import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from '../support/electron-binary.mjs';

/**
 * The real Electron app, where the Electron binary exists (a developer's
 * machine after a plain `npm install`). Everything checked here is also
 * covered without Electron by the harness specs; this confirms the shell
 * wiring (preload in a sandbox, CSP, protocol, tray) on real Electron.
 */
const binary = electronBinary();
const reason = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); the harness specs cover the same paths without it';

test.describe('the packaged shell on real Electron', () => {
  test.skip(!binary, reason);

  test('opens the sandboxed phone window with window.ringdesk and no Node', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: ['.', `--user-data-dir=${userData}`], cwd: path.resolve(import.meta.dirname, '../..') });
    try {
      const page = await app.firstWindow();
      await expect(page.getByText('Welcome to Ringdesk')).toBeVisible();
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof window.ringdesk.app.getSnapshot)).toBe('function');
      expect(page.url()).toBe('ringdesk://app/index.html');
    } finally {
      await app.close();
    }
  });
});
