// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, events } from '../../../../preload/contract';
import { bootRingdesk } from '../../../../renderer/app/boot';
import { aSnapshot, anEngineAccount } from '../../../fakes/app-snapshots';
import { createFakeRingdeskApi } from '../../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../../fakes/fake-telephony';

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

    expect((await screen.findByTestId('registration-status')).textContent).toBe('Registered');
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
  });
});
