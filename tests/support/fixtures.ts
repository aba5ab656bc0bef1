import { test as base, expect } from '@playwright/test';
import path from 'node:path';
import { startKamailio, type KamailioHandle } from './kamailio/kamailio.mjs';
import { launchApp, type AppInstance } from './app-instance';
import { startRendererServer } from './renderer-server';

const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');

type Fixtures = {
  /** A fresh Kamailio (users 1001–1003) for this test. */
  kamailio: KamailioHandle;
  /** Starts a Ringdesk instance; all are closed after the test. */
  launch: (options?: { dataDir?: string }) => Promise<AppInstance>;
};
type WorkerFixtures = { rendererOrigin: string };

export const test = base.extend<Fixtures, WorkerFixtures>({
  rendererOrigin: [
    async ({}, use) => {
      const server = await startRendererServer(RENDERER_DIR);
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
  kamailio: async ({}, use, testInfo) => {
    const kamailio = await startKamailio();
    await use(kamailio);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('kamailio.log', { body: await kamailio.logText(), contentType: 'text/plain' });
    }
    await kamailio.stop();
  },
  launch: async ({ browser, rendererOrigin }, use, testInfo) => {
    const apps: AppInstance[] = [];
    await use(async (options) => {
      const app = await launchApp({ browser, rendererOrigin, ...options });
      apps.push(app);
      return app;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, app] of apps.entries()) {
        await testInfo.attach(`main-log-${i}`, { body: app.log.lines.join('\n'), contentType: 'text/plain' });
      }
    }
    for (const app of apps) await app.close();
  },
});

export { expect };
