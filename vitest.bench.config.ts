import { defineConfig } from 'vitest/config';

// Benchmarks (npm run bench:history): run once, print medians, assert nothing about time.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    disableConsoleIntercept: true,
    testTimeout: 300_000,
    fileParallelism: false,
    // Measures the heap held by a loaded history.
    execArgv: ['--expose-gc'],
  },
});
