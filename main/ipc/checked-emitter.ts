import { events } from '../../preload/contract';
import type { RendererEmitter } from './ipc-registry';

const schemas = new Map(Object.values(events).flatMap((spec) => (spec.payload ? [[spec.channel, spec.payload] as const] : [])));

/**
 * Wraps the emitter to the phone window so every event that has a payload
 * schema in the contract is checked before it leaves: a payload main should
 * never have built is dropped and reported, not delivered. Used in dev and
 * test builds (the harness, an unpackaged app), where a bug should be loud;
 * the packaged app trusts its own main process and skips the cost.
 */
export function checkedEmitter(emit: RendererEmitter, onInvalid: (channel: string, problem: string) => void): RendererEmitter {
  return (channel, payload) => {
    const schema = schemas.get(channel as never);
    if (schema) {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        onInvalid(channel, parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`).join('; '));
        return;
      }
    }
    emit(channel, payload);
  };
}
