import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { answer, callPanel, dial, expectConnected, registeredAgents } from './support/call-steps';
import { choosePresence, chooseSipAccount, fillAccount } from './support/account-steps';

/** Where the README's screenshots come from: every run redraws them from the real renderer. */
const SHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const SIZES = [
  { name: 'narrow', width: 400, height: 700 },
  { name: 'wide', width: 1280, height: 800 },
] as const;
const THEMES = ['light', 'dark'] as const;

/**
 * Each screen an agent meets, in both themes: an axe scan (no serious or
 * critical violation), and a screenshot at both sizes for the README.
 */
async function everyLook(page: Page, screen: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      // The same markup at both sizes: one scan per theme (colours differ), at the narrow size.
      if (size === SIZES[0]) {
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(serious, `${screen}, ${theme}`).toEqual([]);
      }
      await page.screenshot({ path: path.join(SHOTS, `${screen}-${size.name}-${theme}.png`), animations: 'disabled', caret: 'hide' });
    }
  }
}

test('every screen passes axe in light and dark, narrow and wide, and is photographed for the README', async ({ launch, kamailio }) => {
  test.setTimeout(360_000);
  const first = await launch();
  await everyLook(first.page, 'first-run');
  await first.page.getByRole('button', { name: 'Sign in to your team' }).click();
  await everyLook(first.page, 'team-sign-in');
  await first.page.getByRole('button', { name: 'Back' }).click();
  await chooseSipAccount(first.page);
  await first.page.getByRole('button', { name: 'Advanced' }).click();
  await everyLook(first.page, 'sip-account');
  await fillAccount(first.page, { displayName: 'Alice Agent', user: '1001', password: 'wrong', wsUrl: kamailio.wsUrl });
  await first.page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(first.page.getByTestId('reachability-banner')).toBeVisible();
  await everyLook(first.page, 'wrong-password');
  await first.page.getByTestId('reachability-banner').getByText('Details').click();
  await expect(first.page.getByTestId('reachability-banner').getByText('401 Unauthorized')).toBeVisible();
  await everyLook(first.page, 'wrong-password-details');
  await first.close();

  const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
  const page = alice!.page;
  await everyLook(page, 'phone');

  await page.getByTestId('presence-button').click();
  await everyLook(page, 'presence-menu');
  await page.keyboard.press('Escape');

  await dial(bob!.page, '1001');
  await expect(callPanel(page, '1002').getByRole('button', { name: 'Answer' })).toBeVisible();
  await everyLook(page, 'incoming-call');
  await answer(page, '1002');
  await expectConnected(page, '1002');
  await everyLook(page, 'in-call');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await everyLook(page, 'settings-during-call');
  await callPanel(page, '1002').getByRole('button', { name: 'Hang up' }).click();

  await dial(page, '1009');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('listitem').first()).toBeVisible();
  await everyLook(page, 'history');

  await choosePresence(page, 'Do Not Disturb');
  await page.getByRole('tab', { name: 'Phone' }).click();
  await everyLook(page, 'do-not-disturb');
});
