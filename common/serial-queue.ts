/**
 * Runs tasks one after another, in the order they were handed in. A task
 * that throws or rejects fails only its own `run()` promise: the next task
 * still runs (after it, never alongside). Pure: no imports, runs anywhere.
 */
export interface SerialQueue {
  /** Queues `task` behind every task handed in before; settles as the task does. */
  run<T>(task: () => Promise<T> | T): Promise<T>;
  /** Settles (never rejects) once every task handed in so far, and any queued meanwhile, has settled. */
  idle(): Promise<void>;
}

/**
 * `onError` hears each failed task's error (besides its caller, who gets the
 * rejection); it must not throw, and if it does that is swallowed too.
 */
export function createSerialQueue(onError?: (error: unknown) => void): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T> | T): Promise<T> {
      const result = tail.then(task);
      tail = result.then(
        () => undefined,
        (error: unknown) => {
          try {
            onError?.(error);
          } catch {
            // the queue must go on
          }
        },
      );
      return result;
    },
    async idle(): Promise<void> {
      let seen: Promise<void>;
      do {
        seen = tail;
        await seen;
      } while (seen !== tail);
    },
  };
}
