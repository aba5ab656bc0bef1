import type { EngineCommand } from '../../common/schemas/engine';
import type { RegistrationView } from '../../common/schemas/registration';
import { RegistrationLifecycle } from '../domain/registration-lifecycle';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';

/**
 * Owns the registration lifecycle: logs each change, tells `changed`, and
 * on quit waits (bounded) for the un-REGISTER to settle.
 */
export function createRegistrationService(deps: {
  clock: Clock;
  random: () => number;
  log: Logger;
  sendCommand: (command: EngineCommand) => void;
  changed: (prev: RegistrationView, next: RegistrationView) => void;
}) {
  let quiescenceWaiters: Array<() => void> = [];
  const lifecycle = new RegistrationLifecycle({
    clock: deps.clock,
    random: deps.random,
    send: (command) => deps.sendCommand(command),
    onChange: (view) => onChange(view),
  });
  let last: RegistrationView = lifecycle.current;

  function onChange(view: RegistrationView): void {
    const prev = last;
    last = view;
    // The detail with its parameters (a reason phrase at most, never a secret), for whoever reads the log.
    const why = 'cause' in view ? ` (${view.cause}${view.statusCode ? ` ${view.statusCode}` : ''}${view.detail ? `: ${JSON.stringify(view.detail)}` : ''})` : '';
    deps.log.info(`registration: ${prev.status} → ${view.status}${why}`);
    if (lifecycle.quiescent) {
      for (const resolve of quiescenceWaiters) resolve();
      quiescenceWaiters = [];
    }
    deps.changed(prev, view);
  }

  return {
    lifecycle,
    /** Un-REGISTERs, waiting at most `timeoutMs` for the server. */
    async quit(timeoutMs: number): Promise<void> {
      lifecycle.beginQuit();
      if (lifecycle.quiescent) return;
      await new Promise<void>((resolve) => {
        const cancel = deps.clock.setTimer(resolve, timeoutMs);
        quiescenceWaiters.push(() => {
          cancel();
          resolve();
        });
      });
    },
  };
}
