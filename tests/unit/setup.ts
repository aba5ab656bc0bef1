import { afterEach } from 'vitest';

// Unmount React trees between tests (vitest runs without globals, so
// Testing Library cannot register this itself). Only in DOM environments.
afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
