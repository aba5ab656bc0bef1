import { events } from '../../preload/contract';
import type { RendererEmitter } from './ipc-registry';

const schemas = new Map<string, (typeof events)[keyof typeof events]['payload']>(Object.values(events).map((spec) => [spec.channel, spec.payload]));

/**
 * Wraps the emitter to the phone window so every event is checked against
 * the contract's payload schema before it leaves: a payload main should
 * never have built, or a channel the contract does not name, is dropped and
 * reported, not delivered. Used in dev and test builds (the harness, an
 * unpackaged app), where a bug should be loud; the packaged app trusts its
 * own main process and skips the cost.
 */
export function checkedEmitter(emit: RendererEmitter, onInvalid: (channel: string, problem: string) => void): RendererEmitter {
  return (channel, payload) => {
    const schema = schemas.get(channel);
    if (!schema) {
      onInvalid(channel, 'not a channel of the contract');
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      onInvalid(channel, parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`).join('; '));
      return;
    }
    emit(channel, payload);
  };
}
