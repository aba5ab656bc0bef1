import {
  allInvokeSpecs,
  contract,
  type EventSpec,
  type InvokeSpec,
  type IpcResult,
  type ParsedRequestOf,
  type PayloadOf,
  type RequestOf,
  type ResultOf,
  type RingdeskApi,
} from '../../preload/contract';
import { createRingdeskApi } from '../../preload/create-api';
import { fieldErrors } from '../../common/schemas/field-errors';
import type { z } from 'zod';

type AnyInvokeSpec = InvokeSpec<z.ZodType, unknown>;
type Answer<S> = IpcResult<ResultOf<S>> | Promise<IpcResult<ResultOf<S>>>;
type Handler<S> = (request: ParsedRequestOf<S>) => Answer<S>;

/**
 * `window.ringdesk` for renderer tests: the real generated API
 * (createRingdeskApi) over an in-memory transport standing in for main.
 * Requests are checked with the contract's schemas as main would, so a
 * renderer that sends a wrong payload fails here too.
 */
export interface FakeRingdeskApi {
  readonly api: RingdeskApi;
  /** How "main" answers a channel from now on. A handler that throws makes the call unreachable. */
  answer<S extends AnyInvokeSpec>(spec: S, handler: Handler<S>): void;
  /** Shorthand: always answer `{ ok: true, value }`. */
  answerOk<S extends AnyInvokeSpec>(spec: S, value: ResultOf<S>): void;
  /** Shorthand: always refuse with this error. */
  answerError<S extends AnyInvokeSpec>(spec: S, error: Extract<IpcResult<unknown>, { ok: false }>['error']): void;
  /** Main → renderer event. */
  push<E extends EventSpec<unknown>>(event: E, payload: PayloadOf<E>): void;
  /** Requests the renderer sent on a channel, in order (as sent, before parsing). */
  callsTo<S extends AnyInvokeSpec>(spec: S): Array<RequestOf<S>>;
  listenerCount(event: EventSpec<unknown>): number;
}

export function createFakeRingdeskApi(): FakeRingdeskApi {
  const handlers = new Map<string, (request: unknown) => unknown>();
  const calls: Array<{ channel: string; payload: unknown }> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const specs = new Map<string, AnyInvokeSpec>(allInvokeSpecs().map(({ spec }) => [spec.channel, spec]));

  const answer = <S extends AnyInvokeSpec>(spec: S, handler: Handler<S>) =>
    handlers.set(spec.channel, handler as (request: unknown) => unknown);

  // Main accepts the engine's hand-shake and reports by default.
  answer(contract.engine.ready, () => ({ ok: true, value: null }));
  answer(contract.engine.report, () => ({ ok: true, value: null }));

  const api = createRingdeskApi({
    invoke: async (channel, payload) => {
      calls.push({ channel, payload });
      const spec = specs.get(channel);
      if (!spec) throw new Error(`Not a contract channel: ${channel}`);
      const parsed = spec.request.safeParse(payload);
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid-input', message: 'Check the marked fields.', fields: fieldErrors(parsed.error) } };
      }
      const handler = handlers.get(channel);
      if (!handler) return { ok: false, error: { code: 'failed', message: `This test gave no answer for ${channel}.` } };
      return handler(parsed.data);
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set.add(listener));
      return () => void set.delete(listener);
    },
  });

  return {
    api,
    answer,
    answerOk: (spec, value) => answer(spec, () => ({ ok: true, value })),
    answerError: (spec, error) => answer(spec, () => ({ ok: false, error })),
    push: (event, payload) => {
      for (const listener of [...(listeners.get(event.channel) ?? [])]) listener(payload);
    },
    callsTo: <S extends AnyInvokeSpec>(spec: S) =>
      calls.filter((c) => c.channel === spec.channel).map((c) => c.payload as RequestOf<S>),
    listenerCount: (event) => listeners.get(event.channel)?.size ?? 0,
  };
}
