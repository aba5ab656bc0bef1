import { describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../../../preload/contract';
import { startEngineBridge } from '../../../../renderer/app/engine-bridge';
import { anEngineAccount } from '../../../fakes/app-snapshots';
import { createFakeRingdeskApi } from '../../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../../fakes/fake-telephony';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function bridged() {
  const desktop = createFakeRingdeskApi();
  const telephony = createFakeTelephony();
  const onProblem = vi.fn();
  const stop = startEngineBridge({ desktop: desktop.api, telephony, onProblem });
  return { desktop, telephony, onProblem, stop };
}

describe('engine bridge', () => {
  it('tells main once that the engine is ready, after it is listening for commands', () => {
    const { desktop } = bridged();
    expect(desktop.callsTo(contract.engine.ready)).toHaveLength(1);
    expect(desktop.listenerCount(events.engineCommand)).toBe(1);
  });

  it("hands main's register command to the phone engine", () => {
    const { desktop, telephony } = bridged();
    const command = { type: 'register', account: anEngineAccount(), incoming: 'ring' } as const;
    desktop.push(events.engineCommand, command);
    expect(telephony.executed).toEqual([command]);
  });

  it('passes every engine report on to main', () => {
    const { desktop, telephony } = bridged();
    telephony.emitReport({ state: 'registering' });
    telephony.emitReport({ state: 'failed', cause: 'auth', statusCode: 403 });
    expect(desktop.callsTo(contract.engine.report)).toEqual([
      { state: 'registering' },
      { state: 'failed', cause: 'auth', statusCode: 403 },
    ]);
  });

  it('stops forwarding in both directions once stopped', () => {
    const { desktop, telephony, stop } = bridged();
    stop();
    desktop.push(events.engineCommand, { type: 'unregister' });
    telephony.emitReport({ state: 'unregistered' });
    expect(telephony.executed).toEqual([]);
    expect(desktop.callsTo(contract.engine.report)).toEqual([]);
    expect(telephony.listenerCount()).toBe(0);
  });

  it('says so in plain words when main cannot be told the engine is ready', async () => {
    const desktop = createFakeRingdeskApi();
    desktop.answerError(contract.engine.ready, { code: 'forbidden' });
    const onProblem = vi.fn();
    startEngineBridge({ desktop: desktop.api, telephony: createFakeTelephony(), onProblem });
    await flush();
    expect(onProblem).toHaveBeenCalledWith('The phone engine could not start: This window is not allowed to control Ringdesk.');
  });
});
