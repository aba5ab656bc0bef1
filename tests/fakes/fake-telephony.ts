import type { EngineAccount } from '../../common/schemas/account';
import type { CallSnapshot } from '../../common/schemas/call';
import type { EngineCommand, EngineReport, ProbeResult } from '../../common/schemas/engine';
import type { MediaOptions, Telephony } from '../../renderer/telephony/telephony';

/** The call operations of the port, as a test sees them recorded. */
export type CallOperation =
  | { op: 'dial'; targetUri: string; consultFor: string | null; callId: string }
  | { op: 'answer'; callId: string }
  | { op: 'decline'; callId: string; response: 'decline' | 'busy' | undefined }
  | { op: 'hangup'; callId: string }
  | { op: 'setMuted'; callId: string; muted: boolean }
  | { op: 'setHeld'; callId: string; held: boolean }
  | { op: 'sendDtmf'; callId: string; digits: string }
  | { op: 'blindTransfer'; callId: string; targetUri: string }
  | { op: 'completeTransfer'; callId: string; consultCallId: string };

/** A Telephony that records what it was told and reports only when a test says so. */
export interface FakeTelephony extends Telephony {
  readonly executed: EngineCommand[];
  readonly probed: EngineAccount[];
  /** Every call operation, in order. */
  readonly operations: CallOperation[];
  /** Every configureMedia, in order. */
  readonly media: MediaOptions[];
  /** The calls the engine has now (as last pushed; ended calls are dropped after being pushed once). */
  readonly calls: readonly CallSnapshot[];
  /** What the next probes resolve to (default: registered fine). */
  answerProbe(answer: ProbeResult | ((account: EngineAccount) => Promise<ProbeResult>)): void;
  /** The engine reports a state change. */
  emitReport(report: EngineReport): void;
  /** The engine's calls changed to exactly these. */
  pushCalls(calls: CallSnapshot[]): void;
  /** One call changed (added, updated, or ended): the others stay as they are. */
  pushCall(call: CallSnapshot): void;
  /** Operations of one kind, e.g. `opsOf('setHeld')`. */
  opsOf<K extends CallOperation['op']>(op: K): Array<Extract<CallOperation, { op: K }>>;
  listenerCount(): number;
  callListenerCount(): number;
  readonly disposed: boolean;
}

export function createFakeTelephony(): FakeTelephony {
  const listeners = new Set<(report: EngineReport) => void>();
  const callListeners = new Set<(calls: CallSnapshot[]) => void>();
  let probeAnswer: (account: EngineAccount) => Promise<ProbeResult> = async () => ({ ok: true });
  let calls: CallSnapshot[] = [];
  let dialled = 0;
  const operations: CallOperation[] = [];

  const pushCalls = (next: CallSnapshot[]) => {
    for (const listener of [...callListeners]) listener(next);
    // As the port promises: an ended call appears once, then is dropped.
    calls = next.filter((c) => c.state !== 'ended');
  };

  const fake = {
    executed: [] as EngineCommand[],
    probed: [] as EngineAccount[],
    operations,
    media: [] as MediaOptions[],
    get calls() {
      return calls;
    },
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
    dial(targetUri: string, options?: { consultFor?: string }) {
      const callId = `call-${++dialled}`;
      operations.push({ op: 'dial', targetUri, consultFor: options?.consultFor ?? null, callId });
      return callId;
    },
    answer: (callId: string) => void operations.push({ op: 'answer', callId }),
    decline: (callId: string, response?: 'decline' | 'busy') => void operations.push({ op: 'decline', callId, response }),
    hangup: (callId: string) => void operations.push({ op: 'hangup', callId }),
    setMuted: (callId: string, muted: boolean) => void operations.push({ op: 'setMuted', callId, muted }),
    setHeld: (callId: string, held: boolean) => void operations.push({ op: 'setHeld', callId, held }),
    sendDtmf: (callId: string, digits: string) => void operations.push({ op: 'sendDtmf', callId, digits }),
    blindTransfer: (callId: string, targetUri: string) => void operations.push({ op: 'blindTransfer', callId, targetUri }),
    completeTransfer: (callId: string, consultCallId: string) => void operations.push({ op: 'completeTransfer', callId, consultCallId }),
    onCallsChanged(listener: (calls: CallSnapshot[]) => void) {
      callListeners.add(listener);
      return () => void callListeners.delete(listener);
    },
    configureMedia(options: MediaOptions) {
      fake.media.push(options);
    },
    answerProbe(answer: ProbeResult | ((account: EngineAccount) => Promise<ProbeResult>)) {
      probeAnswer = typeof answer === 'function' ? answer : async () => answer;
    },
    emitReport(report: EngineReport) {
      for (const listener of [...listeners]) listener(report);
    },
    pushCalls,
    pushCall(call: CallSnapshot) {
      const known = calls.some((c) => c.id === call.id);
      pushCalls(known ? calls.map((c) => (c.id === call.id ? call : c)) : [...calls, call]);
    },
    opsOf: <K extends CallOperation['op']>(op: K) => operations.filter((o): o is Extract<CallOperation, { op: K }> => o.op === op),
    listenerCount: () => listeners.size,
    callListenerCount: () => callListeners.size,
  };
  return fake;
}
