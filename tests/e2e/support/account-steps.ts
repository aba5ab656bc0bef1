import { expect, type Page } from '@playwright/test';
import type { AppInstance } from '../../support/app-instance';
import type { KamailioHandle } from '../../support/kamailio/kamailio.mjs';

export interface AccountEntry {
  displayName?: string;
  user: string;
  password: string;
  wsUrl: string;
  domain?: string;
}

/** On the first run's welcome, picks "Use a SIP account" (the form's fields wait for it to open). */
export async function chooseSipAccount(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Use a SIP account', exact: true }).click();
}

/** Types an account into the open SIP account form the way an agent would. */
export async function fillAccount(page: Page, entry: AccountEntry): Promise<void> {
  await page.getByLabel('Display name').fill(entry.displayName ?? `Agent ${entry.user}`);
  await page.getByLabel('SIP user or address').fill(entry.user);
  await page.getByLabel('Domain', { exact: true }).fill(entry.domain ?? '127.0.0.1');
  await page.getByLabel('Password', { exact: true }).fill(entry.password);
  await page.getByLabel('Server address').fill(entry.wsUrl);
}

/** First run: from the welcome, enter the SIP account, save, and wait until the phone says Connected. */
export async function setUpAndRegister(app: AppInstance, kamailio: KamailioHandle, user = '1001'): Promise<void> {
  await chooseSipAccount(app.page);
  await fillAccount(app.page, { user, password: `pass${user}`, wsUrl: kamailio.wsUrl });
  await app.page.getByRole('button', { name: 'Save and connect' }).click();
  await expectRegistered(app);
}

export async function expectRegistered(app: AppInstance): Promise<void> {
  await expect(app.page.getByTestId('registration-status')).toHaveText('Connected');
  await expect.poll(() => app.shell.tray.current?.icon).not.toBe('unreachable');
}

export const banner = (page: Page) => page.getByTestId('reachability-banner');

/** What the agent reads in the banner without opening anything: the headline and the line under it. */
export const bannerWords = (page: Page) => banner(page).locator('.banner-headline, .banner-detail');

/** Opens the banner's "Details" (server, status code, failure) the way an admin would, and returns it. */
export async function openBannerDetails(page: Page) {
  const details = banner(page).locator('details');
  if ((await details.getAttribute('open')) === null) await details.getByText('Details', { exact: true }).click();
  await expect(details).toHaveAttribute('open', '');
  return details;
}

/** Choose a presence the way an agent does: the presence button in the header, then the item. */
export async function choosePresence(page: Page, label: 'Available' | 'Away' | 'Do Not Disturb' | 'Offline'): Promise<void> {
  await page.getByTestId('presence-button').click();
  await page.getByRole('menuitemradio', { name: label }).click();
}

/** The presence the header shows (main's, not the last click). */
export const presenceButton = (page: Page) => page.getByTestId('presence-button');

/** Opens the account form from Settings, where the account lives in the shell. */
export async function openAccountEditor(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Edit account' }).first().click();
}
