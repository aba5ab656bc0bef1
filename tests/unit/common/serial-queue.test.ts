import { describe, expect, it, vi } from 'vitest';
import { createSerialQueue } from '../../../common/serial-queue';

/** A promise resolved from outside. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createSerialQueue', () => {
  it('runs tasks one after another, in order, never two at once', async () => {
    const queue = createSerialQueue();
    const events: string[] = [];
    const first = deferred();
    const a = queue.run(async () => {
      events.push('a start');
      await first.promise;
      events.push('a end');
      return 'a';
    });
    const b = queue.run(() => {
      events.push('b');
      return 'b';
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['a start']);
    first.resolve();
    await expect(a).resolves.toBe('a');
    await expect(b).resolves.toBe('b');
    expect(events).toEqual(['a start', 'a end', 'b']);
  });

  it('does not start a task before run() returns (it waits its turn even when the queue is empty)', async () => {
    const queue = createSerialQueue();
    const task = vi.fn(() => 1);
    const result = queue.run(task);
    expect(task).not.toHaveBeenCalled();
    await expect(result).resolves.toBe(1);
    expect(task).toHaveBeenCalledOnce();
  });

  it('a task that throws or rejects fails only its own promise; the next still runs', async () => {
    const queue = createSerialQueue();
    const thrown = queue.run(() => {
      throw new Error('sync');
    });
    const rejected = queue.run(() => Promise.reject(new Error('async')));
    const next = queue.run(() => 'next');
    await expect(thrown).rejects.toThrow('sync');
    await expect(rejected).rejects.toThrow('async');
    await expect(next).resolves.toBe('next');
  });

  it('tells onError about each failed task, and goes on even if onError throws', async () => {
    const onError = vi.fn(() => {
      throw new Error('logger broke');
    });
    const queue = createSerialQueue(onError);
    const failed = queue.run(() => Promise.reject(new Error('boom')));
    await expect(failed).rejects.toThrow('boom');
    await expect(queue.run(() => 'after')).resolves.toBe('after');
    expect(onError).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledWith(new Error('boom'));
  });

  it('a failed task whose promise nobody awaits is no unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const queue = createSerialQueue();
      void queue.run(() => Promise.reject(new Error('ignored')));
      await queue.idle();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('idle() settles once every task so far has, including tasks queued meanwhile, and never rejects', async () => {
    const queue = createSerialQueue();
    const events: string[] = [];
    const gate = deferred();
    void queue.run(async () => {
      await gate.promise;
      events.push('first');
      void queue.run(() => {
        events.push('queued meanwhile');
      });
      throw new Error('first failed');
    });
    const idle = queue.idle().then(() => events.push('idle'));
    gate.resolve();
    await idle;
    expect(events).toEqual(['first', 'queued meanwhile', 'idle']);
  });

  it('idle() on an empty queue settles at once', async () => {
    await expect(createSerialQueue().idle()).resolves.toBeUndefined();
  });
});
