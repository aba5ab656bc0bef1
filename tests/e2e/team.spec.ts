import type { Page } from '@playwright/test';
import { DEMO_TEAM } from '../support/workspace/demo-team.mjs';
import { everyLook } from './support/screens';
import { expect, signInToTeam, teamTest as test } from './support/team-steps';

const OWNER = DEMO_TEAM.owner;
const cara = DEMO_TEAM.agents.find((a) => a.role === 'basic')!;

const agentRow = (page: Page, name: string) => page.getByRole('list', { name: 'Agents' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });

test('an admin adds a teammate (pending), edits them, is told under the field that an extension is taken, and deletes them', async ({ launch, team }) => {
  test.setTimeout(180_000);
  const admin = await launch();
  const { page } = admin;
  await signInToTeam(admin, team.url, OWNER.email);

  await page.getByRole('tab', { name: 'Team' }).click();
  await expect(page.getByRole('list', { name: 'Agents' }).getByText(OWNER.fullName)).toBeVisible();
  await everyLook(page, 'team');

  await page.getByRole('button', { name: 'Add agent' }).click();
  await expect(page.getByRole('heading', { name: 'Add agent' })).toBeFocused();
  await page.getByLabel('Full name').fill('Dan Diaz');
  await page.getByLabel('Email').fill('dan@example.com');
  await page.getByLabel('Extension').fill('104');
  // With more than one group nothing is chosen for the admin: every agent needs one, picked on purpose.
  await expect(page.getByRole('checkbox', { name: 'Everyone' })).not.toBeChecked();
  await page.getByRole('checkbox', { name: DEMO_TEAM.group.name }).check();
  await everyLook(page, 'team-add-agent');
  await page.getByRole('button', { name: 'Add agent' }).click();

  const dan = agentRow(page, 'Dan Diaz');
  await expect(dan).toContainText('Pending');
  await expect(dan).toContainText(`Ext. 104 · Basic · ${DEMO_TEAM.group.name}`);

  await dan.click();
  await expect(page.getByRole('heading', { name: 'Edit Dan Diaz' })).toBeVisible();
  await page.getByLabel('Extension').fill(OWNER.extension);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const extension = page.getByLabel('Extension');
  await expect(extension).toHaveAccessibleDescription('This extension is taken by a teammate or a group');
  await expect(extension).toBeFocused();
  await expect(extension).toHaveValue(OWNER.extension); // the admin's input is kept
  await everyLook(page, 'team-field-error');

  await extension.fill('105');
  await page.getByLabel('Full name').fill('Dan Diazmore');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const browning = agentRow(page, 'Dan Diazmore');
  await expect(browning).toContainText('Ext. 105');

  await browning.click();
  await page.getByRole('button', { name: 'Delete agent' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Dan Diazmore?' });
  await expect(dialog).toContainText('Dan Diazmore (ext. 105) leaves the team');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await everyLook(page, 'team-delete');
  await dialog.getByRole('button', { name: 'Delete agent' }).click();
  await expect(page.getByRole('list', { name: 'Agents' }).getByText(OWNER.fullName)).toBeVisible();
  await expect(page.getByText('Dan Diazmore')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /^3 agents$/ })).toBeVisible();
});

test('a Basic agent signed in to the team sees no Team area', async ({ launch, team }) => {
  const agent = await launch();
  await signInToTeam(agent, team.url, cara.email);
  await expect(agent.page.getByRole('tab', { name: 'History' })).toBeVisible();
  await expect(agent.page.getByRole('tab', { name: 'Team' })).toHaveCount(0);
});
