import { expect, type Locator, type Page } from '@playwright/test';
import type { AppInstance } from '../../support/app-instance';
import type { KamailioHandle } from '../../support/kamailio/kamailio.mjs';
import { setUpAndRegister } from './account-steps';

/** Starts one registered Ringdesk per user (e.g. '1001', '1002'). */
export async function registeredAgents(
  launch: () => Promise<AppInstance>,
  kamailio: KamailioHandle,
  users: string[],
): Promise<AppInstance[]> {
  const apps: AppInstance[] = [];
  for (const user of users) {
    const app = await launch();
    await setUpAndRegister(app, kamailio, user);
    apps.push(app);
  }
  return apps;
}

/** Types a number into the dialer and presses Call. */
export async function dial(page: Page, target: string): Promise<void> {
  await page.getByRole('tab', { name: 'Phone' }).click();
  await page.getByLabel('Number or SIP address').fill(target);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
}

/** The panel of the live (not yet ended) call with this peer (by number or name). */
export function callPanel(page: Page, peer: string | RegExp): Locator {
  return page.locator('[data-testid="call-panel"]:not([data-call-state="ended"])').filter({ hasText: peer });
}

/** The panel of a call with this peer that has just ended (it shows the outcome for a few seconds). */
export function endedCallPanel(page: Page, peer: string | RegExp): Locator {
  return page.locator('[data-testid="call-panel"][data-call-state="ended"]').filter({ hasText: peer });
}

export async function answer(page: Page, peer: string | RegExp): Promise<void> {
  await callPanel(page, peer).getByRole('button', { name: 'Answer' }).click();
}

export async function expectConnected(page: Page, peer: string | RegExp): Promise<void> {
  await expect(callPanel(page, peer).getByTestId('call-state')).toHaveText('Connected');
}

/** Audio packets flow both ways on the app's (single) open call. */
export async function expectAudioFlowing(app: AppInstance): Promise<void> {
  await expect
    .poll(async () => {
      const stats = await app.probe.rtp();
      return stats.length === 1 && stats[0]!.sent > 20 && stats[0]!.received > 20;
    }, { timeout: 10_000 })
    .toBe(true);
}
