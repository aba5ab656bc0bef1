import type { StatusReport } from '../../../common/schemas/workspace/live';
import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';

/** Changes within this long go to the workspace as one (answering a call flips presence and call state together). */
export const STATUS_DEBOUNCE_MS = 300;

/**
 * Tells the workspace this agent's presence and whether it is on a call,
 * for the teammates' status (`PUT /api/v1/me/status`). Debounced; a report
 * that fails is kept and sent again when the push channel reconnects (or
 * at the next change), the newest state only — never a queue of old ones.
 */
export function createStatusReporter(deps: { put: (report: StatusReport) => Promise<void>; clock: Clock; log: Logger }) {
  let wanted: StatusReport | null = null;
  let sent: string | null = null;
  let cancel: (() => void) | null = null;
  let sending: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    cancel?.();
    cancel = null;
    sending = sending.then(async () => {
      if (!wanted) return;
      const report = wanted;
      const key = JSON.stringify(report);
      if (key === sent) return;
      try {
        await deps.put(report);
        sent = key;
      } catch (error) {
        deps.log.warn(`status not reported to the workspace (again at the next reconnect): ${String(error)}`);
      }
    });
    return sending;
  };

  return {
    /** The agent's status as of now. */
    report(next: StatusReport): void {
      wanted = next;
      cancel?.();
      cancel = deps.clock.setTimer(() => void flush(), STATUS_DEBOUNCE_MS);
    },
    /** The workspace may have missed what we said (a reconnect, a new session): say it again. */
    resend(): Promise<void> {
      sent = null;
      return flush();
    },
    /** Sends what is waiting now (tests, quitting). */
    flush,
    stop(): void {
      cancel?.();
      cancel = null;
      wanted = null;
      sent = null;
    },
  };
}
export type StatusReporter = ReturnType<typeof createStatusReporter>;
