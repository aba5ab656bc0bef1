import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import type { Locator } from '@playwright/test';
import { banner, bannerWords, choosePresence, chooseSipAccount, expectRegistered, fillAccount, openBannerDetails, presenceButton, setUpAndRegister } from './support/account-steps';

/** Entirely inside the window, without scrolling. */
async function expectInViewport(locator: Locator, size: { width: number; height: number }): Promise<void> {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
}

test.describe('getting registered', () => {
  test('an agent enters their account on first run and is registered, with the tray saying Available', async ({ launch, kamailio }) => {
    const app = await launch();
    await expect(app.page.getByRole('heading', { name: 'Welcome to Ringdesk', level: 1 })).toBeVisible();
    await expect(banner(app.page)).toBeVisible();
    // Team sign-in is one of the two ways in; Back returns to the welcome.
    await app.page.getByRole('button', { name: 'Sign in to your team' }).click();
    await expect(app.page.getByLabel('Workspace address')).toBeVisible();
    await app.page.getByRole('button', { name: 'Back' }).click();
    await setUpAndRegister(app, kamailio);

    await expect(banner(app.page)).toBeHidden();
    expect(await kamailio.isRegistered('1001')).toBe(true);
    expect(app.shell.tray.current).toMatchObject({ icon: 'available', tooltip: 'Ringdesk — Agent 1001\nAvailable' });
    // The password never reaches the disk in plain text.
    const settings = fs.readFileSync(path.join(app.dataDir, 'settings.json'), 'utf8');
    expect(settings).toContain('"sipUser": "1001"');
    expect(settings).not.toContain('pass1001');
  });

  for (const size of [
    { width: 360, height: 520 },
    { width: 400, height: 700 },
  ]) {
    test(`the first-run form keeps Test connection and Save in view at ${size.width}×${size.height}`, async ({ launch }) => {
      const app = await launch();
      await app.page.setViewportSize(size);
      await chooseSipAccount(app.page);
      await expect(app.page.getByLabel('Display name')).toBeFocused();
      for (const name of ['Test connection', 'Save and connect']) {
        await expectInViewport(app.page.getByRole('button', { name }), size);
      }
      // Opening Advanced makes the form longer; the buttons stay put.
      await app.page.getByRole('button', { name: 'Advanced' }).click();
      await expect(app.page.getByLabel('Realm (optional)')).toBeVisible();
      await expectInViewport(app.page.getByRole('button', { name: 'Save and connect' }), size);
    });
  }

  test('Test connection reports success and wrong credentials in plain words', async ({ launch, kamailio }) => {
    const app = await launch();
    await chooseSipAccount(app.page);
    await fillAccount(app.page, { user: '1001', password: 'pass1001', wsUrl: kamailio.wsUrl });
    await app.page.getByRole('button', { name: 'Test connection' }).click();
    await expect(app.page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();

    await app.page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await app.page.getByRole('button', { name: 'Test connection' }).click();
    await expect(app.page.getByText(/Wrong user name or password \((401|403)\)/)).toBeVisible();
    // Only a test: nothing was saved and nobody stays registered.
    await expect.poll(() => kamailio.isRegistered('1001')).toBe(false);
    expect((await app.ringdesk.snapshot()).account).toBeNull();
  });

  test('a wrong password gives a clear error and does not hammer the server', async ({ launch, kamailio }) => {
    const app = await launch();
    await chooseSipAccount(app.page);
    await fillAccount(app.page, { user: '1001', password: 'wrong-password', wsUrl: kamailio.wsUrl });
    await app.page.getByRole('button', { name: 'Save and connect' }).click();

    await expect(bannerWords(app.page)).toHaveText(["Can't sign in to your phone system", /^Wrong user name or password\./]);
    await expect(await openBannerDetails(app.page)).toContainText(/\b40[13]\b/);
    await expect.poll(() => app.shell.tray.current?.icon).toBe('unreachable');
    expect(app.shell.notifier.shown.map((n) => n.title)).toContain('Ringdesk cannot sign in — calls will not ring');

    const failedAuth = async () => (await kamailio.logLines()).filter((e) => e.event === 'AUTH' && e.result !== -5).length;
    const before = await failedAuth();
    expect(before).toBeGreaterThanOrEqual(1);
    await app.page.waitForTimeout(8_000);
    // No retry storm: nothing more in eight seconds (a few attempts a minute at most).
    expect(await failedAuth()).toBe(before);
    expect(await kamailio.isRegistered('1001')).toBe(false);
  });

  test('the account and presence survive a restart and the phone registers by itself', async ({ launch, kamailio }) => {
    const first = await launch();
    await setUpAndRegister(first, kamailio);
    await choosePresence(first.page, 'Away');
    await expect.poll(() => first.shell.tray.current?.icon).toBe('away');
    await first.quit();

    const second = await launch({ dataDir: first.dataDir });
    await expectRegistered(second);
    await expect(presenceButton(second.page)).toHaveAttribute('data-presence', 'away');
    expect(second.shell.tray.current?.icon).toBe('away');
  });

  test('two agents run side by side against one server', async ({ launch, kamailio }) => {
    const alice = await launch();
    const bob = await launch();
    await setUpAndRegister(alice, kamailio, '1001');
    await setUpAndRegister(bob, kamailio, '1002');
    expect(await kamailio.isRegistered('1001')).toBe(true);
    expect(await kamailio.isRegistered('1002')).toBe(true);
  });

  test('a settings file broken by hand is kept aside and the agent is told', async ({ launch }) => {
    const first = await launch();
    await first.close();
    fs.writeFileSync(path.join(first.dataDir, 'settings.json'), '{ this is not json');

    const app = await launch({ dataDir: first.dataDir });
    await expect(app.page.getByText(/Your settings could not be read because it is not valid JSON/)).toBeVisible();
    const backups = fs.readdirSync(app.dataDir).filter((f) => f.startsWith('settings.broken-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(app.dataDir, backups[0]!), 'utf8')).toBe('{ this is not json');
  });
});
