/** Small promise helpers for teardown steps that must never hang or throw. */

/** Waits for `promise` to settle either way, but no longer than `ms`. Never rejects. */
export function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  const settled = promise.then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([settled, limit]).finally(() => clearTimeout(timer));
}

/**
 * Runs a sip.js step that may throw synchronously or reject (sip.js does
 * both from promise-returning methods); neither escapes. `onError` hears the
 * error whichever way it came — a synchronous throw before attempt() returns
 * — and is itself kept from throwing. Resolves with the step's value, or
 * undefined when it failed; never rejects. Without `onError` the failure is
 * dropped: for best-effort teardown, where the next step still runs.
 */
export async function attempt<T>(step: () => Promise<T> | T, onError?: (error: unknown) => void): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    try {
      onError?.(error);
    } catch {
      // nowhere left to tell
    }
    return undefined;
  }
}

/** A promise with its resolve function, for "something superseded this" signals. */
export function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
