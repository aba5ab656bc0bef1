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

/** Runs a sip.js teardown step; sip.js sometimes throws synchronously from promise-returning methods. */
export async function attempt(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch {
    // teardown is best effort: the next step still runs
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
