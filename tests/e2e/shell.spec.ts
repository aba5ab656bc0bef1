import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { answer, callPanel, dial, expectConnected, registeredAgents } from './support/call-steps';

const MINIMUM = { width: 360, height: 520 };

/** The element is drawn entirely inside the window (not just present in the page). */
async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, 'no bounding box').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
}

test.describe('calls are never off screen', () => {
  for (const viewport of [MINIMUM, { width: 1280, height: 800 }]) {
    test(`an incoming call while Settings is scrolled to the bottom shows Answer in the window (${viewport.width}×${viewport.height})`, async ({ launch, kamailio }) => {
      const [alice, bob] = await registeredAgents(() => launch({ context: { viewport } }), kamailio, ['1001', '1002']);
      await bob!.page.getByRole('tab', { name: 'Settings' }).click();
      const content = bob!.page.getByRole('tabpanel');
      await content.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      expect(await content.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

      await dial(alice!.page, '1002');
      await expectInViewport(bob!.page, callPanel(bob!.page, '1001').getByRole('button', { name: 'Answer' }));
      await expectInViewport(bob!.page, callPanel(bob!.page, '1001').getByRole('button', { name: 'Decline' }));
      // The agent's place in Settings is kept: the call did not scroll the page.
      expect(await content.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    });
  }

  test('at the minimum window size, a live call and its Hang up are in view after pressing Call', async ({ launch, kamailio }) => {
    const [alice, bob] = await registeredAgents(() => launch({ context: { viewport: MINIMUM } }), kamailio, ['1001', '1002']);
    await dial(alice!.page, '1002');
    await expectInViewport(alice!.page, callPanel(alice!.page, '1002').getByRole('button', { name: 'Hang up' }));
    await answer(bob!.page, '1001');
    await expectConnected(alice!.page, '1002');
    await expectInViewport(alice!.page, callPanel(alice!.page, '1002').getByRole('button', { name: 'Hang up' }));
    // The navigation stays usable during the call, and the call stays in view on other sections.
    await expectInViewport(alice!.page, alice!.page.getByRole('tab', { name: 'History' }));
    await alice!.page.getByRole('tab', { name: 'History' }).click();
    await expectInViewport(alice!.page, callPanel(alice!.page, '1002').getByRole('button', { name: 'Hang up' }));
  });

  test('the "calls will not ring" banner stays in view while Settings is scrolled', async ({ launch, kamailio }) => {
    const [alice] = await registeredAgents(() => launch({ context: { viewport: MINIMUM } }), kamailio, ['1001']);
    await alice!.page.getByRole('tab', { name: 'Settings' }).click();
    const content = alice!.page.getByRole('tabpanel');
    await content.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await kamailio.stop();
    await expectInViewport(alice!.page, alice!.page.getByTestId('reachability-banner'));
  });
});
