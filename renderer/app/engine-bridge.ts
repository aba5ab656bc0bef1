import type { RingdeskApi } from '../../preload/contract';
import { ipcErrorText } from './ipc-error-text';
import type { Telephony } from '../telephony/telephony';

export interface EngineBridgeDeps {
  desktop: RingdeskApi;
  telephony: Telephony;
  /** Told, in plain words, when main could not be reached; defaults to the console. */
  onProblem?: (message: string) => void;
}

/**
 * Wires the SIP engine to main: main's commands go to telephony, every
 * engine report goes back to main, and `engine.ready` (sent last, once the
 * listeners are in place) asks main for the register command. Main decides,
 * the engine only acts, so the bridge holds no state of its own.
 *
 * Returns the function that unwires it.
 */
export function startEngineBridge({ desktop, telephony, onProblem = console.warn }: EngineBridgeDeps): () => void {
  const stopCommands = desktop.onEngineCommand((command) => telephony.execute(command));
  const stopReports = telephony.onReport((report) => {
    void desktop.engine.report(report).then((result) => {
      // Only the state goes to the log: reports may carry server text.
      if (!result.ok) console.warn(`Ringdesk: main did not take the "${report.state}" report: ${result.error.code}`);
    });
  });
  void desktop.engine.ready().then((result) => {
    if (!result.ok) onProblem(`The phone engine could not start: ${ipcErrorText(result.error)}`);
  });
  return () => {
    stopCommands();
    stopReports();
  };
}
