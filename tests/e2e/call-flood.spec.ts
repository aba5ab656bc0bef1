import { expect, test } from '../support/fixtures';
import { sendInvite } from '../support/kamailio/sip-invite.mjs';
import { registeredAgents } from './support/call-steps';

/** Calls in the burst, and how long the burst lasts. */
const CALLS = 50;
const BURST_MS = 10_000;
const own = { webContentsId: 1, frameUrl: '', isMainFrame: true };

test.describe('a flood of incoming calls', () => {
  test('50 calls in 10 s from one number bring the window forward a few times and leave one grouped notification', async ({ launch, kamailio }) => {
    test.setTimeout(90_000);
    const [bob] = await registeredAgents(launch, kamailio, ['1002']);
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < CALLS; i++) {
      // Each caller gives up after ringing a little while, as a dialler flood does.
      calls.push(sendInvite({ kamailio, from: '1003', to: '1002', sdp: 'webrtc', displayName: 'Flood', cancelAfterMs: 1_500, timeoutMs: 20_000 }));
      await new Promise((resolve) => setTimeout(resolve, BURST_MS / CALLS));
    }
    await Promise.all(calls);

    // The history keeps every call (a loaded machine may fail the odd one: its status says so)…
    const history = async () => (await bob!.ringdesk.handlers.history.query({ filter: 'all', search: '', limit: 100 }, own)).entries;
    await expect.poll(async () => (await history()).length, { timeout: 20_000 }).toBe(CALLS);
    const missed = (await history()).filter((e) => e.status === 'missed').length;
    expect(missed).toBeGreaterThan(CALLS / 2);
    const { notifier } = bob!.shell;
    // …but the agent got one ringing notification, updated as the calls came in…
    const ringingTags = new Set(notifier.shown.filter((n) => n.actions?.length).map((n) => n.tag));
    expect(ringingTags.size).toBe(1);
    expect(notifier.shown.some((n) => /^\d+ calls from Flood$/.test(n.title))).toBe(true);
    // …and is left with one missed-calls notification, the ringing one withdrawn.
    await expect.poll(() => [...notifier.open.values()].map((n) => n.notification.title)).toEqual([`${missed} missed calls from Flood`]);
    expect(bob!.shell.windowShown).toBeGreaterThanOrEqual(1);
    expect(bob!.shell.windowShown).toBeLessThanOrEqual(3);

    // The window is still usable afterwards.
    await bob!.page.getByRole('tab', { name: 'History' }).click();
    await expect(bob!.page.getByRole('listitem').filter({ hasText: 'Flood' }).first()).toBeVisible();
  });
});
