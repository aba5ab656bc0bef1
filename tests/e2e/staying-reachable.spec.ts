import { expect, test } from '../support/fixtures';
import { sendInvite } from '../support/kamailio/sip-invite.mjs';
import { banner, bannerWords, choosePresence, expectRegistered, openBannerDetails, presenceButton, setUpAndRegister } from './support/account-steps';

test.describe('staying reachable', () => {
  test('when the server goes away the agent is told within seconds, and re-registered with no click when it returns', async ({
    launch,
    kamailio,
  }) => {
    const app = await launch();
    await setUpAndRegister(app, kamailio);

    await kamailio.stop();
    await expect(banner(app.page)).toContainText("Can't reach your phone system", { timeout: 5_000 });
    await expect(bannerWords(app.page).first()).toHaveText(/^Can't reach your phone system — retrying (in \d+ s|now)$/);
    await expect(await openBannerDetails(app.page)).toContainText(kamailio.wsUrl);
    await expect.poll(() => app.shell.tray.current?.icon, { timeout: 5_000 }).toBe('unreachable');
    expect(app.shell.tray.current?.tooltip).toContain('calls will not ring');
    expect(app.shell.notifier.shown.at(-1)?.title).toBe('Calls will not ring — connection lost');

    await kamailio.start();
    await expectRegistered(app);
    await expect(banner(app.page)).toBeHidden();
    expect(await kamailio.isRegistered('1001')).toBe(true);
    await expect.poll(() => app.shell.notifier.open.size).toBe(0);
  });

  test('going Offline removes the binding from the server; Available brings it back', async ({ launch, kamailio }) => {
    const app = await launch();
    await setUpAndRegister(app, kamailio);

    await choosePresence(app.page, 'Offline');
    await expect.poll(() => kamailio.isRegistered('1001')).toBe(false);
    await expect(banner(app.page)).toContainText('You are offline');
    expect(app.shell.tray.current?.icon).toBe('offline');

    await banner(app.page).getByRole('button', { name: 'Go available' }).click();
    await expectRegistered(app);
    expect(await kamailio.isRegistered('1001')).toBe(true);
  });

  test('Offline from the tray menu unregisters too', async ({ launch, kamailio }) => {
    const app = await launch();
    await setUpAndRegister(app, kamailio);
    app.shell.tray.click('Offline');
    await expect.poll(() => kamailio.isRegistered('1001')).toBe(false);
    await expect(presenceButton(app.page)).toHaveAttribute('data-presence', 'offline');
  });

  test('in Do Not Disturb the phone stays registered and answers an incoming call 486 Busy Here', async ({ launch, kamailio }) => {
    const app = await launch();
    await setUpAndRegister(app, kamailio);
    await choosePresence(app.page, 'Do Not Disturb');
    await expect(banner(app.page)).toContainText('Do Not Disturb');
    await expect.poll(() => app.shell.tray.current?.icon).toBe('dnd');
    expect(await kamailio.isRegistered('1001')).toBe(true);

    const call = await sendInvite({ kamailio, from: '1003', to: '1001', sdp: 'webrtc' });
    expect(call.finalStatus).toBe(486);
  });

  test('quitting sends an un-REGISTER the server sees', async ({ launch, kamailio }) => {
    const app = await launch();
    await setUpAndRegister(app, kamailio);
    await app.quit();

    const last = (await kamailio.registers('1001')).at(-1);
    expect(last?.unregister).toBe(true);
    expect(await kamailio.isRegistered('1001')).toBe(false);
  });

  test('after the computer sleeps and wakes, the phone registers again at once', async ({ launch, kamailio }) => {
    const app = await launch();
    await setUpAndRegister(app, kamailio);
    const before = (await kamailio.registers('1001')).length;

    app.suspend();
    await expect(banner(app.page)).toContainText('Computer asleep');
    app.resume();
    await expectRegistered(app);
    await expect.poll(async () => (await kamailio.registers('1001')).length).toBeGreaterThan(before);
    expect(await kamailio.isRegistered('1001')).toBe(true);
  });

  test('when the network drops the agent is told, and the phone re-registers when it returns', async ({ launch, kamailio }) => {
    const app = await launch();
    await setUpAndRegister(app, kamailio);
    app.setOnline(false);
    await expect(banner(app.page)).toContainText('No network');
    const before = (await kamailio.registers('1001')).length;
    app.setOnline(true);
    await expect.poll(async () => (await kamailio.registers('1001')).length).toBeGreaterThan(before);
    await expectRegistered(app);
  });

  test('a reloaded window registers again by itself', async ({ launch, kamailio }) => {
    const app = await launch();
    await setUpAndRegister(app, kamailio);
    const before = (await kamailio.registers('1001')).length;
    await app.page.reload();
    await expectRegistered(app);
    await expect.poll(async () => (await kamailio.registers('1001')).length).toBeGreaterThan(before);
  });
});
