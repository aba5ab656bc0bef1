import { expect, test } from '../support/fixtures';
import { banner, expectRegistered, openAccountEditor, setUpAndRegister } from './support/account-steps';

test('editing the account re-registers with the new settings and stays registered', async ({ launch, kamailio }) => {
  const app = await launch();
  await setUpAndRegister(app, kamailio);
  await openAccountEditor(app.page);
  await app.page.getByLabel('Display name').fill('Alice Renamed');
  await app.page.getByRole('button', { name: 'Save and connect' }).click();
  await expectRegistered(app);
  await app.page.waitForTimeout(3_000);
  await expect(app.page.getByTestId('registration-status')).toHaveText('Connected');
  await expect(banner(app.page)).toBeHidden();
  expect((await kamailio.bindings('1001')).length).toBe(1);
});
