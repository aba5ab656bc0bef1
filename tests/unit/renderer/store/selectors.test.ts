import { describe, expect, it } from 'vitest';
import { registrationStatusText, secondsUntil } from '../../../../renderer/store/selectors';

describe('registration status text', () => {
  const now = 1_000_000;

  it.each([
    ['registered', { status: 'registered', since: 0 } as const, 'Connected'],
    ['registering', { status: 'registering' } as const, 'Connecting…'],
    ['offline', { status: 'offline' } as const, 'Offline'],
    ['failed', { status: 'failed', cause: 'auth' } as const, 'Password refused'],
    ['failed', { status: 'failed', cause: 'network' } as const, 'Not connected'],
  ])('a %s phone line reads as expected', (_name, view, text) => {
    expect(registrationStatusText(view, now)).toBe(text);
  });

  it('counts down whole seconds to the next attempt', () => {
    const view = { status: 'reconnecting', attempt: 3, nextAttemptAt: now + 6_200, cause: 'network' } as const;
    expect(registrationStatusText(view, now)).toBe('Reconnecting in 7 s (attempt 3)');
    expect(registrationStatusText(view, now + 6_200)).toBe('Reconnecting now (attempt 3)');
  });

  it('never counts below zero', () => {
    expect(secondsUntil(now - 5_000, now)).toBe(0);
  });
});
