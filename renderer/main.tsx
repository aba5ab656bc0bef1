import type { RingdeskApi } from '../preload/contract';
import { bootRingdesk } from './app/boot';
import { createSipJsTelephony } from './telephony/sipjs/engine';

// The preload may be missing (page opened in a browser, preload failed):
// the type says it is always there, so ask the window as it really is.
const desktop = (window as { ringdesk?: RingdeskApi }).ringdesk;
const container = document.getElementById('root');
if (container) bootRingdesk(container, { desktop, createTelephony: createSipJsTelephony });
