import { DEMO_TEAM } from '../support/workspace/demo-team.mjs';
import { answer, callPanel, dial, expectConnected } from './support/call-steps';
import { expect, signInToTeam, teamTest as test } from './support/team-steps';

/**
 * The team end to end, as `npm run lab` runs it: the workspace service, Kamailio
 * on its database, and a demo team whose invitations were accepted from their
 * emails. Agents type only the workspace address, their email and password.
 */
const [ben, cara] = DEMO_TEAM.agents;

test('invited agents sign in with email and password, are registered, and ring by extension and by group number', async ({ team, launch }) => {
  test.setTimeout(120_000);
  const owner = await launch();
  const agentB = await launch();
  const agentC = await launch();
  await signInToTeam(owner, team.url, DEMO_TEAM.owner.email);
  await signInToTeam(agentB, team.url, ben!.email);
  await signInToTeam(agentC, team.url, cara!.email);
  // The header shows who signed in and the extension colleagues dial, from the workspace.
  await expect(agentC.page.locator('.identity-header')).toContainText(cara!.fullName);
  await expect(agentC.page.locator('.identity-header')).toContainText(`Ext. ${cara!.extension}`);

  // By extension: only Cara rings.
  await dial(owner.page, cara!.extension);
  await expect(callPanel(agentC.page, DEMO_TEAM.owner.fullName).getByRole('button', { name: 'Answer' })).toBeVisible();
  await answer(agentC.page, DEMO_TEAM.owner.fullName);
  await expectConnected(owner.page, cara!.extension);
  await expect(callPanel(agentB.page, DEMO_TEAM.owner.fullName)).toHaveCount(0);
  await callPanel(owner.page, cara!.extension).getByRole('button', { name: 'Hang up' }).click();
  await expect(callPanel(agentC.page, DEMO_TEAM.owner.fullName)).toHaveCount(0);

  // By group number: every registered member rings at once; the first to answer takes it.
  await dial(owner.page, DEMO_TEAM.group.number);
  await expect(callPanel(agentB.page, DEMO_TEAM.owner.fullName).getByRole('button', { name: 'Answer' })).toBeVisible();
  await expect(callPanel(agentC.page, DEMO_TEAM.owner.fullName).getByRole('button', { name: 'Answer' })).toBeVisible();
  await answer(agentB.page, DEMO_TEAM.owner.fullName);
  await expectConnected(agentB.page, DEMO_TEAM.owner.fullName);
  await expect(callPanel(agentC.page, DEMO_TEAM.owner.fullName)).toHaveCount(0);
});
