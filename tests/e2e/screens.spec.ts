import { expect, test } from '../support/fixtures';
import { answer, callPanel, dial, expectConnected, registeredAgents } from './support/call-steps';
import { choosePresence, chooseSipAccount, fillAccount } from './support/account-steps';
import { everyLook } from './support/screens';

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
