import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { onTestFinished } from 'vitest';
import { contract } from '../../../preload/contract';
import type { AppSnapshot } from '../../../common/schemas/snapshot';
import { createRingdeskStore } from '../../../renderer/store/ringdesk-store';
import { RingdeskStoreProvider } from '../../../renderer/store/RingdeskStoreProvider';
import { createFakeRingdeskApi, type FakeRingdeskApi } from '../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../fakes/fake-telephony';
import { createFakeAudioHardware, type FakeAudioHardware } from './fake-audio-hardware';
import { withRelay } from './with-relay';

/**
 * A fresh store over fakes, with main's snapshot already mirrored (unless
 * `snapshot` is null) and the store following calls, history and devices,
 * rendering `ui` inside the provider. `beforeRender` sets up answers that
 * must be in place before the first render loads.
 */
export async function renderWithStore(
  ui: ReactElement,
  options: {
    snapshot: AppSnapshot | null;
    beforeRender?: (desktop: FakeRingdeskApi) => void;
    audio?: FakeAudioHardware;
    /** userEvent options, e.g. `{ advanceTimers: vi.advanceTimersByTime }` with fake timers. */
    user?: Parameters<typeof userEvent.setup>[0];
  },
) {
  const desktop = createFakeRingdeskApi();
  const telephony = createFakeTelephony();
  const audio = options.audio ?? createFakeAudioHardware();
  // Main answers call reports and an empty history unless a test says otherwise.
  desktop.answerOk(contract.calls.report, null);
  desktop.answerOk(contract.history.query, { entries: [], hasMore: false });
  if (options.snapshot) desktop.answerOk(contract.app.getSnapshot, options.snapshot);
  options.beforeRender?.(desktop);
  const store = createRingdeskStore({ desktop: desktop.api, ...withRelay(desktop.api, telephony), audio });
  onTestFinished(store.getState().follow());
  if (options.snapshot) await store.getState().load();
  const user = userEvent.setup(options.user);
  const view = render(<RingdeskStoreProvider store={store}>{ui}</RingdeskStoreProvider>);
  return { desktop, telephony, audio, store, user, ...view };
}
