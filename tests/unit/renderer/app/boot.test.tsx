// @vitest-environment happy-dom
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, events } from '../../../../preload/contract';
import { bootRingdesk } from '../../../../renderer/app/boot';
import { aCall, aSnapshot, anEngineAccount } from '../../../fakes/app-snapshots';
import { createFakeRingdeskApi } from '../../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../../fakes/fake-telephony';
import { createFakeAudioHardware } from '../fake-audio-hardware';

let stop: () => void = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

function container() {
  const root = document.createElement('div');
  root.id = 'root';
  document.body.append(root);
  return root;
}

describe('starting the window', () => {
  it('says Ringdesk must be started as the desktop app when opened without it', () => {
    const telephony = createFakeTelephony();
    stop = bootRingdesk(container(), { desktop: undefined, createTelephony: () => telephony });
    expect(document.body.textContent).toBe('Ringdesk must be started as the desktop app');
  });

  it('starts the phone engine, tells main it is ready, and shows the account', async () => {
    const desktop = createFakeRingdeskApi();
    const telephony = createFakeTelephony();
    desktop.answerOk(contract.app.getSnapshot, aSnapshot());
    stop = bootRingdesk(container(), { desktop: desktop.api, createTelephony: () => telephony });

    expect((await screen.findByTestId('registration-status')).textContent).toBe('Connected');
    expect(desktop.callsTo(contract.engine.ready)).toHaveLength(1);
    desktop.push(events.engineCommand, { type: 'register', account: anEngineAccount(), incoming: 'ring' });
    expect(telephony.executed).toHaveLength(1);
  });

  it('shows "Something went wrong" rather than a blank window when the phone engine cannot be created', async () => {
    const desktop = createFakeRingdeskApi();
    const original = console.error;
    console.error = () => {};
    try {
      stop = bootRingdesk(container(), {
        desktop: desktop.api,
        createTelephony: () => {
          throw new Error('no WebRTC');
        },
      });
      await waitFor(() => expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeDefined());
    } finally {
      console.error = original;
    }
  });

  it('hangs up its engine when the window is taken down', async () => {
    const desktop = createFakeRingdeskApi();
    const telephony = createFakeTelephony();
    desktop.answerOk(contract.app.getSnapshot, aSnapshot());
    const teardown = bootRingdesk(container(), { desktop: desktop.api, createTelephony: () => telephony });
    await screen.findByTestId('registration-status');
    teardown();
    expect(telephony.disposed).toBe(true);
    expect(desktop.listenerCount(events.engineCommand)).toBe(0);
    expect(telephony.callListenerCount()).toBe(0);
    expect(desktop.listenerCount(events.callAction)).toBe(0);
    expect(desktop.listenerCount(events.historyAdded)).toBe(0);
  });

  it('shows a call as soon as the engine reports it, and tells main', async () => {
    const desktop = createFakeRingdeskApi();
    const telephony = createFakeTelephony();
    desktop.answerOk(contract.app.getSnapshot, aSnapshot());
    desktop.answerOk(contract.calls.report, null);
    desktop.answerOk(contract.history.query, { entries: [], hasMore: false });
    stop = bootRingdesk(container(), { desktop: desktop.api, createTelephony: () => telephony, audio: createFakeAudioHardware() });
    await screen.findByTestId('registration-status');
    act(() => telephony.pushCall(aCall()));
    expect(screen.getByTestId('call-state').textContent).toBe('Incoming call');
    expect(desktop.callsTo(contract.calls.report)).toEqual([aCall()]);
  });
});
