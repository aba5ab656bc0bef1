import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../support/fixtures';
import { answer, callPanel, dial, expectAudioFlowing, expectConnected, registeredAgents } from './support/call-steps';

test.describe('during a call', () => {
  test('hold and resume are seen by the other side', async ({ launch, kamailio }) => {
    const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
    await dial(alice!.page, '1002');
    await answer(bob!.page, '1001');
    await expectConnected(alice!.page, '1002');

    const hold = callPanel(alice!.page, '1002').getByRole('button', { name: 'Hold', exact: true });
    await hold.click();
    await expect(callPanel(alice!.page, '1002').getByTestId('call-state')).toHaveText('On hold');
    await expect(hold).toHaveAttribute('aria-pressed', 'true');
    await expect(callPanel(bob!.page, '1001').getByTestId('call-state')).toHaveText('Held by the other side');

    await hold.click();
    await expectConnected(alice!.page, '1002');
    await expectConnected(bob!.page, '1001');
  });

  test('the call screen shows the talk time, and Mute stays pressed until pressed again', async ({ launch, kamailio }) => {
    const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
    await dial(alice!.page, '1002');
    await answer(bob!.page, '1001');
    await expectAudioFlowing(alice!);
    const panel = callPanel(alice!.page, '1002');
    await expect(panel.getByTestId('call-timer')).toHaveText(/^\d\d:\d\d$/);
    await expect(panel.getByTestId('call-timer')).not.toHaveText('00:00');
    const mute = panel.getByRole('button', { name: 'Mute', exact: true });
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await mute.click();
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await expect(mute).toHaveText('Mute');
    await mute.click();
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
  });

  test('keypad digits go out as RFC 4733 tones, or as SIP INFO when chosen', async ({ launch, kamailio }) => {
    const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
    await dial(alice!.page, '1002');
    await answer(bob!.page, '1001');
    await expectAudioFlowing(alice!);

    const panel = callPanel(alice!.page, '1002');
    await panel.getByRole('button', { name: 'Keypad' }).click();
    await panel.getByRole('button', { name: 'Send digit 1' }).click();
    await panel.getByRole('button', { name: 'Send digit #' }).click();
    await expect.poll(() => alice!.probe.dtmfTones()).toBe('1#');

    await alice!.page.getByRole('tab', { name: 'Settings' }).click();
    // A protocol choice: under Advanced, not among the agent's everyday settings.
    await alice!.page.getByText('Advanced', { exact: true }).click();
    await alice!.page.getByLabel('Send keypad tones as').selectOption('info');
    await alice!.page.getByRole('tab', { name: 'Phone' }).click();
    await callPanel(alice!.page, '1002').getByRole('button', { name: 'Send digit 7' }).click();
    const info = await kamailio.waitForLog((e) => e.event === 'INFO');
    expect('text' in info ? info.text : '').toContain('Signal=7');
  });

  test('from the keyboard: typed digits go out as tones, focus is back in the number after hang-up, arrows pick a recent call', async ({ launch, kamailio }) => {
    const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
    const page = alice!.page;
    const field = page.getByLabel('Number or SIP address');
    await dial(page, '1002');
    await answer(bob!.page, '1001');
    await expectAudioFlowing(alice!);

    // Focus is where the click on Call left it, not in a text field: typed digits are for the far end.
    await page.keyboard.type('4*');
    await expect.poll(() => alice!.probe.dtmfTones()).toBe('4*');
    await expect(field).toHaveValue('');

    // Keypad keys (dial pad and in-call) are named as they read.
    await callPanel(page, '1002').getByRole('button', { name: 'Keypad' }).click();
    const axe = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
    expect(axe.violations).toEqual([]);

    await callPanel(page, '1002').getByRole('button', { name: 'Hang up' }).click();
    await expect(field).toBeFocused();

    await page.keyboard.type('100');
    const listbox = page.getByRole('listbox', { name: 'Recent calls' });
    await expect(listbox.getByRole('option').first()).toBeVisible();
    await expect(field).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    const highlighted = listbox.getByRole('option', { selected: true });
    await expect(highlighted).toHaveAttribute('id', (await field.getAttribute('aria-activedescendant')) ?? 'none');
    await page.keyboard.press('Enter');
    await expect(field).toHaveValue('1002');
    await expect(field).toHaveAttribute('aria-expanded', 'false');
  });

  test('a blind transfer hands the caller to a third agent', async ({ launch, kamailio }) => {
    const [alice, bob, carol] = await registeredAgents(launch, kamailio, ['1001', '1002', '1003']);
    await dial(alice!.page, '1002');
    await answer(bob!.page, '1001');
    await expectConnected(bob!.page, '1001');

    const panel = callPanel(bob!.page, '1001');
    await panel.getByRole('button', { name: 'Transfer' }).click();
    await panel.getByLabel('Transfer to').fill('1003');
    await panel.getByRole('button', { name: 'Transfer now' }).click();

    await answer(carol!.page, '1001');
    await expectConnected(carol!.page, '1001');
    await expectConnected(alice!.page, '1003');
    await expect(callPanel(bob!.page, '1001')).toBeHidden({ timeout: 10_000 });
    await expectAudioFlowing(carol!);
  });

  test('an attended transfer: consult a colleague, then complete', async ({ launch, kamailio }) => {
    const [alice, bob, carol] = await registeredAgents(launch, kamailio, ['1001', '1002', '1003']);
    await dial(alice!.page, '1002');
    await answer(bob!.page, '1001');
    await expectConnected(bob!.page, '1001');

    await callPanel(bob!.page, '1001').getByRole('button', { name: 'Consult' }).click();
    await callPanel(bob!.page, '1001').getByLabel('Consult with').fill('1003');
    await callPanel(bob!.page, '1001').getByRole('button', { name: 'Call colleague' }).click();
    await expect(callPanel(bob!.page, '1001').getByTestId('call-state')).toHaveText('On hold');
    await answer(carol!.page, '1002');
    await expectConnected(bob!.page, '1003');

    await bob!.page.getByRole('button', { name: 'Complete transfer' }).click();
    await expectConnected(alice!.page, '1003');
    await expectConnected(carol!.page, '1001');
    await expect(bob!.page.getByTestId('call-panel')).toHaveCount(0, { timeout: 10_000 });
  });

  test('an attended transfer can be abandoned, going back to the caller', async ({ launch, kamailio }) => {
    const [alice, bob, carol] = await registeredAgents(launch, kamailio, ['1001', '1002', '1003']);
    await dial(alice!.page, '1002');
    await answer(bob!.page, '1001');
    await callPanel(bob!.page, '1001').getByRole('button', { name: 'Consult' }).click();
    await callPanel(bob!.page, '1001').getByLabel('Consult with').fill('1003');
    await callPanel(bob!.page, '1001').getByRole('button', { name: 'Call colleague' }).click();
    await answer(carol!.page, '1002');
    await expectConnected(bob!.page, '1003');

    await bob!.page.getByRole('button', { name: 'Back to caller' }).click();
    await expect(callPanel(carol!.page, '1002')).toBeHidden({ timeout: 10_000 });
    await expectConnected(bob!.page, '1001');
    await expectConnected(alice!.page, '1002');
  });

  test('call waiting: a second call can be answered, which holds the first, and the agent can switch back', async ({ launch, kamailio }) => {
    const [alice, bob, carol] = await registeredAgents(launch, kamailio, ['1001', '1002', '1003']);
    await dial(alice!.page, '1002');
    await answer(bob!.page, '1001');
    await expectConnected(bob!.page, '1001');

    await dial(carol!.page, '1002');
    await expect(callPanel(bob!.page, '1003').getByTestId('call-state')).toHaveText('Incoming call');
    await expect(callPanel(bob!.page, '1003').getByRole('button', { name: 'Decline' })).toBeVisible();
    await callPanel(bob!.page, '1003').getByRole('button', { name: 'Hold & answer' }).click();
    await expectConnected(bob!.page, '1003');
    await expect(callPanel(bob!.page, '1001').getByTestId('call-state')).toHaveText('On hold');
    await expect(callPanel(alice!.page, '1002').getByTestId('call-state')).toHaveText('Held by the other side');

    await callPanel(bob!.page, '1001').getByRole('button', { name: 'Switch' }).click();
    await expectConnected(bob!.page, '1001');
    await expect(callPanel(bob!.page, '1003').getByTestId('call-state')).toHaveText('On hold');
  });

  test('twenty calls in a row leave no PeerConnection, audio element or timer behind', async ({ launch, kamailio }) => {
    test.setTimeout(240_000);
    const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
    const oneCall = async () => {
      await dial(alice!.page, '1002');
      await answer(bob!.page, '1001');
      await expectConnected(alice!.page, '1002');
      await callPanel(alice!.page, '1002').getByRole('button', { name: 'Hang up' }).click();
      await expect(alice!.page.getByTestId('call-panel')).toHaveCount(0, { timeout: 10_000 });
      await expect(bob!.page.getByTestId('call-panel')).toHaveCount(0, { timeout: 10_000 });
    };
    // One call first, so the baseline holds the timers a registered phone always has.
    await oneCall();
    await expect.poll(() => alice!.probe.openPeerConnections()).toBe(0);
    const before = { timers: await alice!.probe.activeTimers(), audio: await alice!.probe.audioElements() };
    for (let i = 0; i < 20; i++) await oneCall();
    await expect.poll(() => alice!.probe.openPeerConnections()).toBe(0);
    await expect.poll(() => bob!.probe.openPeerConnections()).toBe(0);
    expect(await alice!.probe.audioElements()).toBe(before.audio);
    // sip.js keeps each INVITE transaction's 32 s timer (RFC 3261 Timer D) after the call; none may outlive it.
    await expect
      .poll(() => alice!.probe.activeTimers(), { timeout: 45_000 })
      .toBeLessThanOrEqual(before.timers)
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nlive timers:\n${(await alice!.probe.timerOrigins()).join('\n\n')}`);
      });
    await expect(alice!.page.getByTestId('registration-status')).toHaveText('Connected');
    await expect(bob!.page.getByTestId('registration-status')).toHaveText('Connected');
  });
});
