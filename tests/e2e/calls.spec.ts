import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { sendInvite } from '../support/kamailio/sip-invite.mjs';
import { answer, callPanel, dial, endedCallPanel, expectAudioFlowing, expectConnected, registeredAgents } from './support/call-steps';
import { choosePresence } from './support/account-steps';

/** The history's row for `peer` (under today's heading) says each of `words`. */
async function expectInHistory(page: Page, peer: string, words: string[]): Promise<void> {
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('list', { name: 'Calls' }).getByRole('heading', { name: 'Today' })).toBeVisible();
  const row = page.getByRole('list', { name: 'Calls' }).getByRole('listitem').filter({ hasText: peer });
  for (const word of words) await expect(row.getByText(word, { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Phone' }).click();
}

test.describe('calls between agents', () => {
  test('an outbound call connects with audio flowing both ways, and hanging up ends it on both sides', async ({ launch, kamailio }) => {
    const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
    await dial(alice!.page, '1002');
    await expect(callPanel(alice!.page, '1002').getByTestId('call-state')).toHaveText(/Ringing/);
    await expect(callPanel(bob!.page, '1001').getByTestId('call-state')).toHaveText('Incoming call');
    await expect(bob!.page.getByTestId('ringtone')).toHaveJSProperty('paused', false);

    await answer(bob!.page, '1001');
    await expectConnected(alice!.page, '1002');
    await expectConnected(bob!.page, '1001');
    await expect(bob!.page.getByTestId('ringtone')).toHaveJSProperty('paused', true);
    await expectAudioFlowing(alice!);
    await expectAudioFlowing(bob!);

    await callPanel(alice!.page, '1002').getByRole('button', { name: 'Hang up' }).click();
    await expect(callPanel(bob!.page, '1001').getByTestId('call-state')).toBeHidden({ timeout: 10_000 });
    await expect.poll(() => bob!.probe.openPeerConnections()).toBe(0);
    await expect.poll(() => alice!.probe.openPeerConnections()).toBe(0);
  });

  test('an incoming call shows a notification with the caller and is answered from it', async ({ launch, kamailio }) => {
    const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
    await dial(alice!.page, '1002');
    await expect.poll(() => bob!.shell.notifier.open.size).toBe(1);
    const [incoming] = [...bob!.shell.notifier.open.values()];
    expect(incoming!.notification.title).toBe('Incoming call');
    expect(incoming!.notification.body).toContain('Agent 1001');
    expect(bob!.shell.windowShown).toBeGreaterThan(0);

    bob!.shell.notifier.act(incoming!.notification.tag, 'answer');
    await expectConnected(bob!.page, '1001');
    await expectConnected(alice!.page, '1002');
    await expect.poll(() => bob!.shell.notifier.open.size).toBe(0);
  });

  test('declining an incoming call tells the caller it was declined', async ({ launch, kamailio }) => {
    const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
    await dial(alice!.page, '1002');
    await callPanel(bob!.page, '1001').getByRole('button', { name: 'Decline' }).click();
    await expect(endedCallPanel(alice!.page, '1002')).toContainText('Declined');
    await expectInHistory(alice!.page, '1002', ['Declined', 'Outgoing']);
    await expectInHistory(bob!.page, 'Agent 1001', ['Declined', 'Incoming']);
    const reply = (await kamailio.logLines()).find((e) => e.event === 'REPLY' && e.method === 'INVITE' && e.code >= 400);
    expect(reply && 'code' in reply ? reply.code : null).toBe(603);
  });

  test('a caller who gives up while it rings leaves a missed call in history and a notification', async ({ launch, kamailio }) => {
    const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
    await dial(alice!.page, '1002');
    await expect(callPanel(bob!.page, '1001').getByTestId('call-state')).toHaveText('Incoming call');
    await callPanel(alice!.page, '1002').getByRole('button', { name: 'Hang up' }).click();

    await expect(callPanel(bob!.page, '1001')).toBeHidden({ timeout: 10_000 });
    await expect(bob!.page.getByTestId('ringtone')).toHaveJSProperty('paused', true);
    await expect.poll(() => bob!.shell.notifier.shown.some((n) => n.title === 'Missed call from Agent 1001')).toBe(true);
    await bob!.page.getByRole('tab', { name: 'History' }).click();
    await expect(bob!.page.getByRole('listitem').filter({ hasText: 'Agent 1001' }).getByText('Missed call')).toBeVisible();
    expect(await bob!.page.getByRole('listitem').filter({ hasText: 'Agent 1001' }).count()).toBe(1);
  });

  test('a UK agent types a London number with nothing focused: it reaches the dialer and goes out in E.164', async ({ launch, kamailio }) => {
    const [alice] = await registeredAgents(() => launch({ locale: 'en-GB' }), kamailio, ['1001']);
    const page = alice!.page;
    await page.getByRole('tab', { name: 'Phone' }).click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.type('020 7946 0958');
    const field = page.getByLabel('Number or SIP address');
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('020 7946 0958');
    await page.keyboard.press('Enter');
    const invite = await kamailio.waitForLog((e) => e.event === 'INVITE' && !e.indialog);
    expect('to' in invite ? invite.to : null).toBe('+442079460958');
  });

  test('calling a user that does not exist says so in plain words', async ({ launch, kamailio }) => {
    const [alice] = await registeredAgents(launch, kamailio, ['1001']);
    await dial(alice!.page, '4999');
    await expect(endedCallPanel(alice!.page, '4999')).toContainText('Number not found');
    await expectInHistory(alice!.page, '4999', ['Number not found', 'Outgoing']);
  });

  test('calling an agent who is in Do Not Disturb reports busy', async ({ launch, kamailio }) => {
    const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
    await choosePresence(bob!.page, 'Do Not Disturb');
    await dial(alice!.page, '1002');
    await expect(endedCallPanel(alice!.page, '1002')).toContainText('Busy');
  });

  test('a call from a plain SIP phone rings and is answered', async ({ launch, kamailio }) => {
    const [bob] = await registeredAgents(launch, kamailio, ['1002']);
    const call = sendInvite({ kamailio, from: '1003', to: '1002', sdp: 'webrtc', displayName: 'Desk Phone', hangupAfterMs: 500, timeoutMs: 15_000 });
    await answer(bob!.page, 'Desk Phone');
    expect((await call).finalStatus).toBe(200);
  });
});
