import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchNetwork } from '../../../../main/services/network-watch';

afterEach(() => vi.useRealTimers());

function watch(initial: boolean) {
  vi.useFakeTimers();
  let online = initial;
  const changes: boolean[] = [];
  const stop = watchNetwork(() => online, (o) => changes.push(o));
  return { changes, set: (o: boolean) => (online = o), stop };
}

describe('watching the network', () => {
  it('reports the state at start, so an app started offline reconnects as soon as the network appears', () => {
    const w = watch(false);
    expect(w.changes).toEqual([false]);
    w.set(true);
    vi.advanceTimersByTime(2_000);
    expect(w.changes).toEqual([false, true]);
  });

  it('ignores a blip shorter than two checks', () => {
    const w = watch(true);
    w.set(false);
    vi.advanceTimersByTime(2_000);
    w.set(true);
    vi.advanceTimersByTime(10_000);
    expect(w.changes).toEqual([true]);
  });

  it('reports an outage that lasts, and the return at once', () => {
    const w = watch(true);
    w.set(false);
    vi.advanceTimersByTime(4_000);
    expect(w.changes).toEqual([true, false]);
    w.set(true);
    vi.advanceTimersByTime(2_000);
    expect(w.changes).toEqual([true, false, true]);
    w.stop();
  });
});
