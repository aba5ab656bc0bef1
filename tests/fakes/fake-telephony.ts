import type { EngineAccount } from '../../preload/schemas/account';
import type { EngineCommand, EngineReport, ProbeResult } from '../../preload/schemas/engine';
import type { Telephony } from '../../renderer/telephony/telephony';

/** A Telephony that records what it was told and reports only when a test says so. */
export interface FakeTelephony extends Telephony {
  readonly executed: EngineCommand[];
  readonly probed: EngineAccount[];
  /** What the next probes resolve to (default: registered fine). */
  answerProbe(answer: ProbeResult | ((account: EngineAccount) => Promise<ProbeResult>)): void;
  /** The engine reports a state change. */
  emitReport(report: EngineReport): void;
  listenerCount(): number;
  readonly disposed: boolean;
}

export function createFakeTelephony(): FakeTelephony {
  const listeners = new Set<(report: EngineReport) => void>();
  let probeAnswer: (account: EngineAccount) => Promise<ProbeResult> = async () => ({ ok: true });
  const fake = {
    executed: [] as EngineCommand[],
    probed: [] as EngineAccount[],
    disposed: false,
    execute(command: EngineCommand) {
      fake.executed.push(command);
    },
    probe(account: EngineAccount) {
      fake.probed.push(account);
      return probeAnswer(account);
    },
    onReport(listener: (report: EngineReport) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async dispose() {
      fake.disposed = true;
    },
    answerProbe(answer: ProbeResult | ((account: EngineAccount) => Promise<ProbeResult>)) {
      probeAnswer = typeof answer === 'function' ? answer : async () => answer;
    },
    emitReport(report: EngineReport) {
      for (const listener of [...listeners]) listener(report);
    },
    listenerCount: () => listeners.size,
  };
  return fake;
}
