import { openAppLink } from '../../server/pages/invite-page';
import { DEMO_PASSWORD, DEMO_TEAM } from '../support/workspace/demo-team.mjs';
import { expectRegistered } from './support/account-steps';
import { expect, teamTest as test } from './support/team-steps';

const CARA = 'cara@demo.test';
const ELI = { fullName: 'Eli Ortega', email: 'eli@example.com', extension: '105', role: 'basic', password: 'eli-chooses-this-1' };

/** The Owner adds a teammate through the workspace's own route (what the Team area does); the invitation mail goes out. */
async function invite(url: string): Promise<void> {
  const post = (route: string, body: unknown, token?: string) =>
    fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const session = (await (await post('/api/v1/auth/sign-in', { email: DEMO_TEAM.owner.email, password: DEMO_PASSWORD })).json()) as { accessToken: string; agent: { groupIds: string[] } };
  const { password: _password, ...agent } = ELI;
  expect((await post('/api/v1/agents', { ...agent, groupIds: session.agent.groupIds }, session.accessToken)).status).toBe(201);
}

test("an invitation's Open Ringdesk link opens Sign in to your team filled in; with the password typed the agent is Connected", async ({ launch, team }) => {
  const app = await launch();
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Welcome to Ringdesk' })).toBeVisible();

  // The link exactly as the workspace's invitation page writes it, clicked in the browser: macOS hands it over as open-url.
  await app.openLink(openAppLink(team.url, CARA));
  await expect(page.getByRole('heading', { name: 'Sign in to your team' })).toBeVisible();
  await expect(page.getByLabel('Workspace address')).toHaveValue(team.url);
  await expect(page.getByLabel('Work email')).toHaveValue(CARA);
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toBeFocused();
  expect(app.shell.windowShown).toBeGreaterThan(0);

  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expectRegistered(app);

  // Signed in to that workspace already: the same link only brings the window forward, nothing else changes.
  const shown = app.shell.windowShown;
  await app.openLink(openAppLink(team.url, CARA), 'second-instance');
  expect(app.shell.windowShown).toBe(shown + 1);
  await expect(page.getByRole('list', { name: 'Notices' })).toHaveCount(0);
  await expectRegistered(app);
});

test('a hostile link is refused in words and nothing is signed in to', async ({ launch }) => {
  // Windows and Linux: the link is in the command line of the start it caused.
  const hostile = `ringdesk://sign-in?workspace=${encodeURIComponent('http://evil.example.com')}&email=${encodeURIComponent(CARA)}`;
  const app = await launch({ argv: ['/opt/Ringdesk/ringdesk', hostile] });
  const { page } = app;
  const notices = page.getByRole('list', { name: 'Notices' });
  await expect(notices).toContainText("Ringdesk did not open that link: its workspace address can't be used.");
  await expect(notices).toContainText('Unencrypted http:// is only allowed for a workspace on this computer');
  await expect(page.getByRole('heading', { name: 'Welcome to Ringdesk' })).toBeVisible();

  // A link that is not a sign-in at all, while running.
  await app.openLink(`ringdesk://call?number=${encodeURIComponent('+15550100')}`, 'second-instance');
  await expect(notices).toContainText('Ringdesk did not open that link: it asks for something Ringdesk does not do.');
  await expect(page.getByRole('heading', { name: 'Welcome to Ringdesk' })).toBeVisible();
  expect((await app.ringdesk.snapshot()).workspace).toBeNull();
});

test("a new teammate sets a password on the invitation page, clicks its Open Ringdesk, and signs in with only the password to type", async ({ launch, team, browser }) => {
  await invite(team.url);
  await expect.poll(() => team.mail.mails.some((m) => m.to.includes(ELI.email))).toBe(true);
  const link = team.mail.mails.find((m) => m.to.includes(ELI.email))!.links.find((l) => l.includes('/invite/'))!;

  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByLabel(/^Password/).fill(ELI.password);
  await page.getByLabel('Repeat the password').fill(ELI.password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account is ready');
  // What the browser would hand the OS when the agent clicks it.
  const openRingdesk = (await page.getByRole('link', { name: 'Open Ringdesk' }).getAttribute('href'))!;
  expect(openRingdesk.startsWith('ringdesk://sign-in?')).toBe(true);
  await page.context().close();

  const app = await launch({ argv: ['/opt/Ringdesk/ringdesk', openRingdesk] }); // Windows and Linux: the link starts the app
  await expect(app.page.getByLabel('Workspace address')).toHaveValue(team.url);
  await expect(app.page.getByLabel('Work email')).toHaveValue(ELI.email);
  await expect(app.page.getByLabel('Password', { exact: true })).toBeFocused();
  await app.page.keyboard.type(ELI.password);
  await app.page.keyboard.press('Enter');
  await expectRegistered(app);
});
