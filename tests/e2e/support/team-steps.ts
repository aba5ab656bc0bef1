import type { Page } from '@playwright/test';
import { expect, test as base } from '../../support/fixtures';
import type { AppInstance } from '../../support/app-instance';
import { DEMO_PASSWORD } from '../../support/workspace/demo-team.mjs';
import { expectRegistered } from './account-steps';

/**
 * Tests on the team side (`npm run lab`'s: the workspace service, Kamailio on
 * its database, the demo team): that Kamailio stands in for the test bed's own.
 */
export const teamTest = base.extend({
  kamailio: async ({ team }, use) => {
    await use(team.kamailio);
  },
});

/** From the welcome: "Sign in to your team" with the workspace address, email and password; waits for Connected. */
export async function signInToTeam(app: AppInstance, url: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  const page: Page = app.page;
  await page.getByRole('button', { name: 'Sign in to your team' }).click();
  await page.getByLabel('Workspace address').fill(url);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectRegistered(app);
}

export { expect };
