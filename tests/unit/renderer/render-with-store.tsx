import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { contract } from '../../../preload/contract';
import type { AppSnapshot } from '../../../preload/schemas/snapshot';
import { createRingdeskStore } from '../../../renderer/store/ringdesk-store';
import { RingdeskStoreProvider } from '../../../renderer/store/RingdeskStoreProvider';
import { createFakeRingdeskApi, type FakeRingdeskApi } from '../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../fakes/fake-telephony';

/**
 * A fresh store over fakes, with main's snapshot already mirrored (unless
 * `snapshot` is null), rendering `ui` inside the provider. `beforeRender`
 * sets up answers that must be in place before the first render loads.
 */
export async function renderWithStore(
  ui: ReactElement,
  options: { snapshot: AppSnapshot | null; beforeRender?: (desktop: FakeRingdeskApi) => void },
) {
  const desktop = createFakeRingdeskApi();
  const telephony = createFakeTelephony();
  if (options.snapshot) desktop.answerOk(contract.app.getSnapshot, options.snapshot);
  options.beforeRender?.(desktop);
  const store = createRingdeskStore({ desktop: desktop.api, telephony });
  if (options.snapshot) await store.getState().load();
  const user = userEvent.setup();
  const view = render(<RingdeskStoreProvider store={store}>{ui}</RingdeskStoreProvider>);
  return { desktop, telephony, store, user, ...view };
}
