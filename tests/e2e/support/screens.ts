import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Where the README's screenshots come from: every run redraws them from the real renderer. */
const SHOTS = path.resolve(import.meta.dirname, '../../../docs/screenshots');
const SIZES = [
  { name: 'narrow', width: 400, height: 700 },
  { name: 'wide', width: 1280, height: 800 },
] as const;
const THEMES = ['light', 'dark'] as const;

/**
 * Each screen an agent meets, in both themes: an axe scan (no serious or
 * critical violation), and a screenshot at both sizes for the README.
 */
export async function everyLook(page: Page, screen: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      // The same markup at both sizes: one scan per theme (colours differ), at the narrow size.
      if (size === SIZES[0]) {
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(serious, `${screen}, ${theme}`).toEqual([]);
      }
      await page.screenshot({ path: path.join(SHOTS, `${screen}-${size.name}-${theme}.png`), animations: 'disabled', caret: 'hide' });
    }
  }
}
