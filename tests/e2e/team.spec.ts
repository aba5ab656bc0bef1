import type { Page } from '@playwright/test';
import { expect, test as base } from '../support/fixtures';
import { OWNER, startWorkspace, type TestWorkspace } from '../support/workspace-server';
import { expectRegistered } from './support/account-steps';
import { everyLook } from './support/screens';

/** The real workspace service, and the Kamailio that reads its database standing in for the test bed's own. */
const test = base.extend<{ workspace: TestWorkspace }>({
  workspace: async ({}, use) => {
    const workspace = await startWorkspace();
    await use(workspace);
    await workspace.close();
  },
  kamailio: async ({ workspace }, use) => {
    await use(workspace.kamailio);
  },
});

/** From the welcome: "Sign in to your team" with the workspace address, email and password. */
async function signInToTeam(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in to your team' }).click();
  await page.getByLabel('Workspace address').fill(url);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const agentRow = (page: Page, name: string) => page.getByRole('list', { name: 'Agents' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });

test('an admin adds a teammate (pending), edits them, is told under the field that an extension is taken, and deletes them', async ({ launch, workspace }) => {
  test.setTimeout(180_000);
  const admin = await launch();
  const { page } = admin;
  await signInToTeam(page, workspace.url, OWNER.email, OWNER.password);
  await expectRegistered(admin);

  await page.getByRole('tab', { name: 'Team' }).click();
  await expect(page.getByRole('list', { name: 'Agents' }).getByText('Olivia Owner')).toBeVisible();
  await everyLook(page, 'team');

  await page.getByRole('button', { name: 'Add agent' }).click();
  await expect(page.getByRole('heading', { name: 'Add agent' })).toBeFocused();
  await page.getByLabel('Full name').fill('Ben Brown');
  await page.getByLabel('Email').fill('ben@example.com');
  await page.getByLabel('Extension').fill('104');
  await expect(page.getByRole('checkbox', { name: 'Everyone' })).toBeChecked();
  await everyLook(page, 'team-add-agent');
  await page.getByRole('button', { name: 'Add agent' }).click();

  const ben = agentRow(page, 'Ben Brown');
  await expect(ben).toContainText('Pending');
  await expect(ben).toContainText('Ext. 104 · Basic · Everyone');

  await ben.click();
  await expect(page.getByRole('heading', { name: 'Edit Ben Brown' })).toBeVisible();
  await page.getByLabel('Extension').fill(OWNER.extension);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const extension = page.getByLabel('Extension');
  await expect(extension).toHaveAccessibleDescription('This extension is taken by a teammate or a group');
  await expect(extension).toBeFocused();
  await expect(extension).toHaveValue(OWNER.extension); // the admin's input is kept
  await everyLook(page, 'team-field-error');

  await extension.fill('105');
  await page.getByLabel('Full name').fill('Ben Browning');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const browning = agentRow(page, 'Ben Browning');
  await expect(browning).toContainText('Ext. 105');

  await browning.click();
  await page.getByRole('button', { name: 'Delete agent' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Ben Browning?' });
  await expect(dialog).toContainText('Ben Browning (ext. 105) leaves the team');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await everyLook(page, 'team-delete');
  await dialog.getByRole('button', { name: 'Delete agent' }).click();
  await expect(page.getByRole('list', { name: 'Agents' }).getByText('Olivia Owner')).toBeVisible();
  await expect(page.getByText('Ben Browning')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /^1 agent$/ })).toBeVisible();
});

test('a Basic agent signed in to the team sees no Team area', async ({ launch, workspace }) => {
  await workspace.addConfirmedAgent({ email: 'carl@example.com', fullName: 'Carl Basic', extension: '110', password: 'carl-password-1', role: 'basic' });
  const agent = await launch();
  await signInToTeam(agent.page, workspace.url, 'carl@example.com', 'carl-password-1');
  await expectRegistered(agent);
  await expect(agent.page.getByRole('tab', { name: 'History' })).toBeVisible();
  await expect(agent.page.getByRole('tab', { name: 'Team' })).toHaveCount(0);
});
