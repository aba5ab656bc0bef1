import type { Browser, Page } from '@playwright/test';
import type { TeamSide } from '../support/workspace/team-side.mjs';
import { DEMO_PASSWORD, DEMO_TEAM } from '../support/workspace/demo-team.mjs';
import { answer, callPanel, dial, expectConnected } from './support/call-steps';
import { everyLook } from './support/screens';
import { expect, signInToTeam, teamTest as test } from './support/team-steps';

/**
 * Issue 11's headline, end to end on the team side (`npm run lab`'s: the
 * workspace service, Kamailio on its database, a real SMTP mail catcher):
 * the Owner adds an agent from the app, the invitation email arrives, the
 * invitee sets a password on the workspace's own page, signs in with a
 * second app, is called, and is removed — its phone stops ringing at once.
 */
const OWNER = DEMO_TEAM.owner;
const DAN = { fullName: 'Dan Diaz', email: 'dan@example.com', extension: '104', password: 'dan-chooses-this-1' };

const agentRow = (page: Page, name: string) => page.getByRole('list', { name: 'Agents' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });

/** The Owner's app adds a Basic teammate in the Team area. */
async function addAgent(page: Page, agent: { fullName: string; email: string; extension: string }): Promise<void> {
  await page.getByRole('tab', { name: 'Team' }).click();
  await page.getByRole('button', { name: 'Add agent' }).click();
  await page.getByLabel('Full name').fill(agent.fullName);
  await page.getByLabel('Email').fill(agent.email);
  await page.getByLabel('Extension').fill(agent.extension);
  await page.getByRole('checkbox', { name: DEMO_TEAM.group.name }).check();
  await page.getByRole('button', { name: 'Add agent' }).click();
  await expect(agentRow(page, agent.fullName)).toContainText('Pending');
}

/** The invitation links that reached `email` so far, oldest first. */
const linksTo = (team: TeamSide, email: string) => team.mail.mails.filter((m) => m.to.includes(email)).flatMap((m) => m.links.filter((l) => l.includes('/invite/')));

/** Waits for the `count`th invitation mail to `email` and returns its link. */
async function invitationLink(team: TeamSide, email: string, count = 1): Promise<string> {
  await expect.poll(() => linksTo(team, email).length).toBe(count);
  return linksTo(team, email).at(-1)!;
}

/** A plain browser page, as the invitee's mail client would open the link. */
async function browse(browser: Browser, link: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  return page;
}

/** The SIP user Kamailio knows the agent by, as the admin's workspace says. */
async function sipUserOf(team: TeamSide, email: string): Promise<string> {
  const signIn = await fetch(`${team.url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: OWNER.email, password: DEMO_PASSWORD }) });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const list = await fetch(`${team.url}/api/v1/agents?search=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${accessToken}` } });
  const { agents } = (await list.json()) as { agents: { email: string; sipUser: string }[] };
  return agents.find((a) => a.email === email)!.sipUser;
}

test('an admin adds an agent; the invitation email’s link sets a password; the new agent signs in, rings, and is cut off when deleted', async ({ launch, team, browser }) => {
  test.setTimeout(240_000);
  const owner = await launch();
  await signInToTeam(owner, team.url, OWNER.email);
  await addAgent(owner.page, DAN);

  // The email reaches Dan, with a link to this workspace.
  const link = await invitationLink(team, DAN.email);
  expect(team.mail.mails.find((m) => m.links.includes(link))!.to).toEqual([DAN.email]);
  expect(link.startsWith(`${team.url}/invite/`)).toBe(true);

  // Opening it (twice: a mail scanner may have looked first) does not use it up.
  const invite = await browse(browser, link);
  await expect(invite.getByRole('heading', { level: 1 })).toHaveText(`Join ${DEMO_TEAM.name} on Ringdesk`);
  await invite.reload();
  await expect(invite.getByRole('heading', { level: 1 })).toHaveText(`Join ${DEMO_TEAM.name} on Ringdesk`);
  await expect(invite.getByText(DAN.email)).toBeVisible();
  await invite.getByLabel(/^Password/).fill(DAN.password);
  await invite.getByLabel('Repeat the password').fill(DAN.password);
  await invite.getByRole('button', { name: 'Set password' }).click();
  await expect(invite.getByRole('heading', { level: 1 })).toHaveText('Your account is ready');

  // Used once: the same link now says so.
  await invite.goto(link);
  await expect(invite.getByRole('heading', { level: 1 })).toHaveText('This invitation has already been used');

  // A second app signs in as Dan with what he chose, and is Connected (registered).
  const dan = await launch();
  await signInToTeam(dan, team.url, DAN.email, DAN.password);
  const sipUser = await sipUserOf(team, DAN.email);
  expect(await team.kamailio.isRegistered(sipUser)).toBe(true);

  // The Owner calls his extension: Dan's app rings.
  await dial(owner.page, DAN.extension);
  await expect(callPanel(dan.page, OWNER.fullName).getByRole('button', { name: 'Answer' })).toBeVisible();
  await answer(dan.page, OWNER.fullName);
  await expectConnected(owner.page, DAN.extension);
  await callPanel(owner.page, DAN.extension).getByRole('button', { name: 'Hang up' }).click();
  await expect(callPanel(dan.page, OWNER.fullName)).toHaveCount(0);

  // The Owner deletes Dan: his app says so, and Kamailio holds no binding for him any more.
  await owner.page.getByRole('tab', { name: 'Team' }).click();
  await agentRow(owner.page, DAN.fullName).click();
  await owner.page.getByRole('button', { name: 'Delete agent' }).click();
  await owner.page.getByRole('alertdialog', { name: `Delete ${DAN.fullName}?` }).getByRole('button', { name: 'Delete agent' }).click();
  await expect(agentRow(owner.page, DAN.fullName)).toHaveCount(0);
  await expect(dan.page.getByText('Your admin removed you from the team, so Ringdesk signed you out here. Ask them if this is a mistake.')).toBeVisible();
  await expect.poll(() => team.kamailio.bindings(sipUser)).toEqual([]);
  expect(await team.kamailio.isRegistered(sipUser)).toBe(false);

  // His invitation went with him: the link is dead.
  await invite.goto(link);
  await expect(invite.getByRole('heading', { level: 1 })).toHaveText('This invitation link is not valid');
});

test('an admin resends an invitation from the agent form: the old link is no longer valid, the new one works; the form shows the activity', async ({ launch, team, browser }) => {
  test.setTimeout(180_000);
  const EVE = { fullName: 'Eve Evans', email: 'eve@example.com', extension: '105' };
  const owner = await launch();
  const { page } = owner;
  await signInToTeam(owner, team.url, OWNER.email);
  await addAgent(page, EVE);
  const first = await invitationLink(team, EVE.email);

  await agentRow(page, EVE.fullName).click();
  const invitation = page.getByRole('group', { name: 'Invitation' });
  await expect(invitation).toContainText('Invitation sent just now.');
  await invitation.getByRole('button', { name: 'Resend invitation' }).click();
  await expect(invitation.getByRole('status')).toHaveText(`Sent to ${EVE.email}.`);
  const second = await invitationLink(team, EVE.email, 2);
  expect(second).not.toBe(first);

  // Activity: who added Eve, from the app.
  await page.getByText('Activity', { exact: true }).click();
  await expect(page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem').first()).toContainText(`Added to the team — ${OWNER.fullName}, just now, from `);
  await everyLook(page, 'team-invitation');

  const old = await browse(browser, first);
  await expect(old.getByRole('heading', { level: 1 })).toHaveText('This invitation is no longer valid');
  const fresh = await browse(browser, second);
  await fresh.getByLabel(/^Password/).fill('eve-chooses-this-1');
  await fresh.getByLabel('Repeat the password').fill('eve-chooses-this-1');
  await fresh.getByRole('button', { name: 'Set password' }).click();
  await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('Your account is ready');

  // Now active: there is nothing to resend; the workspace says so in words if asked.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await agentRow(page, EVE.fullName).click();
  await expect(page.getByRole('button', { name: 'Resend invitation' })).toHaveCount(0);
});
