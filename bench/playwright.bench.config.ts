import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/** Call benchmarks: the e2e harness, one long run, figures printed. `npm run bench:calls`. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'calls.e2e-bench.ts',
  timeout: 30 * 60_000,
});
