import type { EngineAccount } from '../../../common/schemas/account';
import type { ProbeResult } from '../../../common/schemas/engine';
import { attempt } from '../bounded-wait';
import { describeBadSettings, describeConnectFailure, type RegisterFailure } from '../registration-failure';
import { SipConnection, type ConnectionDeps } from './connection';

/**
 * "Test connection": a throwaway UserAgent (its own WebSocket and Contact, so
 * the live registration is untouched) REGISTERs for real, un-REGISTERs and
 * stops. Whatever happens, nothing is left behind.
 *
 * `result` settles as soon as the outcome is known (at the latest after
 * `timeoutMs`); `cleanedUp` settles once the un-REGISTER (bounded by
 * `unregisterTimeoutMs`) is done and the UserAgent is stopped.
 */
export function probeRegistration(
  account: EngineAccount,
  deps: Omit<ConnectionDeps, 'observer'>,
  options: { timeoutMs: number; unregisterTimeoutMs: number; signal?: AbortSignal },
): { result: Promise<ProbeResult>; cleanedUp: Promise<void> } {
  let settle!: (result: ProbeResult) => void;
  const outcome = new Promise<ProbeResult>((resolve) => {
    settle = resolve; // first call wins
  });
  const fail = (failure: RegisterFailure): void => settle({ ok: false, ...failure });

  let connection: SipConnection;
  try {
    connection = new SipConnection(account, {
      ...deps,
      observer: {
        registered: () => settle({ ok: true }),
        failed: fail,
        invite: (invitation) => void attempt(() => invitation.reject({ statusCode: 480 })),
      },
    });
  } catch (error) {
    const result: ProbeResult = { ok: false, ...describeBadSettings(error) };
    return { result: Promise.resolve(result), cleanedUp: Promise.resolve() };
  }

  let opened = false;
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  const timer = setTimeout(() => {
    fail(
      opened
        ? { cause: 'timeout', detail: { code: 'timeout.no-answer', withinSec: seconds } }
        : describeConnectFailure(seconds),
    );
  }, options.timeoutMs);
  const onAbort = (): void => fail({ cause: 'network', detail: { code: 'test.cancelled' } });
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  connection.connect().then(
    () => {
      opened = true;
      connection.register();
    },
    () => fail(describeConnectFailure()),
  );

  const cleanedUp = outcome.then(async () => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    await connection.unregister(options.unregisterTimeoutMs);
    await connection.close();
  });
  return { result: outcome, cleanedUp };
}
