import { test as base, expect, type BrowserContextOptions } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startKamailio, type KamailioHandle } from './kamailio/kamailio.mjs';
import { startTeamSide, type TeamSide } from './workspace/team-side.mjs';
import { launchApp, type AppInstance } from './app-instance';
import { startRendererServer } from './renderer-server';

const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');

type Fixtures = {
  /** A fresh Kamailio (users 1001–1003) for this test. */
  kamailio: KamailioHandle;
  /**
   * The team side as `npm run lab` starts it: the workspace service, Kamailio
   * on its database, a mail catcher, and the demo team (tests/support/workspace/demo-team.mjs).
   */
  team: TeamSide;
  /** Starts a Ringdesk instance; all are closed after the test. */
  launch: (options?: { dataDir?: string; locale?: string; context?: BrowserContextOptions; argv?: string[] }) => Promise<AppInstance>;
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
  team: async ({}, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-team-'));
    const team = await startTeamSide({ dataDir, domain: '127.0.0.1', demo: true });
    await use(team);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('workspace.log', { body: team.workspace.output(), contentType: 'text/plain' });
      await testInfo.attach('kamailio.log', { body: await team.kamailio.logText(), contentType: 'text/plain' });
    }
    await team.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  // Depends on kamailio so that apps close before the server stops: a drop
  // logged during the test is then a real one, not the teardown.
  launch: async ({ browser, rendererOrigin, kamailio: _kamailio }, use, testInfo) => {
    const apps: AppInstance[] = [];
    await use(async (options) => {
      const app = await launchApp({ browser, rendererOrigin, ...options });
      apps.push(app);
      return app;
    });
    for (const [i, app] of apps.entries()) {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach(`main-log-${i}`, { body: app.log.lines.join('\n'), contentType: 'text/plain' });
      }
      // A registration that dropped during a test is worth seeing even when the test passed.
      const drops = app.log.lines.filter((l) => /registered → (reconnecting|failed)/.test(l));
      if (drops.length) console.warn(`[${testInfo.title}] app ${i}: ${drops.join(' | ')}`);
    }
    for (const app of apps) await app.close();
  },
});

export { expect };
