import { describe, expect, it, vi } from 'vitest';
import { attempt } from '../../../../renderer/telephony/bounded-wait';

describe('attempt (a sip.js step that may throw or reject)', () => {
  it('resolves with the value of a step that works', async () => {
    await expect(attempt(() => Promise.resolve(42))).resolves.toBe(42);
    await expect(attempt(() => 'sync')).resolves.toBe('sync');
  });

  it('tells onError about a synchronous throw before it returns, and resolves undefined', async () => {
    const onError = vi.fn();
    const result = attempt(() => {
      throw new Error('sync');
    }, onError);
    expect(onError).toHaveBeenCalledWith(new Error('sync'));
    await expect(result).resolves.toBeUndefined();
  });

  it('tells onError about a rejection, and resolves undefined', async () => {
    const onError = vi.fn();
    await expect(attempt(() => Promise.reject(new Error('async')), onError)).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledWith(new Error('async'));
  });

  it('never rejects: not without onError, not when onError throws', async () => {
    await expect(attempt(() => Promise.reject(new Error('dropped')))).resolves.toBeUndefined();
    const throwing = (): void => {
      throw new Error('logger broke');
    };
    await expect(attempt(() => Promise.reject(new Error('x')), throwing)).resolves.toBeUndefined();
  });
});
