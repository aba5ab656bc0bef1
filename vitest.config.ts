import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // DOM tests opt in per file with `// @vitest-environment happy-dom`.
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    testTimeout: 10_000,
  },
});
