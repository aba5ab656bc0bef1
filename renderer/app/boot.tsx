import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RingdeskApi } from '../../preload/contract';
import type { AudioHardware } from '../audio/audio-hardware';
import { createBrowserAudioHardware } from '../audio/browser-audio-hardware';
import { CrashPanel } from '../components/CrashPanel';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { createRingdeskStore } from '../store/ringdesk-store';
import { RingdeskStoreProvider } from '../store/RingdeskStoreProvider';
import type { Telephony } from '../telephony/telephony';
import { App } from './App';
import { startCallRelay } from './call-relay';
import { startEngineBridge } from './engine-bridge';

export const DESKTOP_ONLY_MESSAGE = 'Ringdesk must be started as the desktop app';

export interface BootOptions {
  /** `window.ringdesk`, missing when the page is opened in a plain browser. */
  desktop: RingdeskApi | undefined;
  createTelephony: () => Telephony;
  /** The computer's audio devices; the browser's by default. */
  audio?: AudioHardware;
}

/**
 * Starts the renderer in `container`: the store, the engine bridge and the
 * app. Kept apart from main.tsx so it can be tested without sip.js.
 * Returns a function that stops everything again.
 */
export function bootRingdesk(container: HTMLElement, { desktop, createTelephony, audio }: BootOptions): () => void {
  if (!desktop) {
    const message = document.createElement('p');
    message.className = 'desktop-only';
    message.textContent = DESKTOP_ONLY_MESSAGE;
    container.replaceChildren(message);
    return () => container.replaceChildren();
  }

  const root = createRoot(container);
  let telephony: Telephony;
  try {
    telephony = createTelephony();
  } catch (error) {
    console.error('Ringdesk: the phone engine could not be created', error);
    root.render(<CrashPanel onReload={() => window.location.reload()} />);
    return () => root.unmount();
  }

  // Calls are relayed and followed before the engine is told to start, so none is missed.
  const calls = startCallRelay({ desktop, telephony });
  const store = createRingdeskStore({ desktop, telephony, calls, audio: audio ?? createBrowserAudioHardware() });
  const stopFollowing = store.getState().follow();
  const stopBridge = startEngineBridge({ desktop, telephony, onProblem: (m) => store.getState().reportProblem(m) });
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <RingdeskStoreProvider store={store}>
          <App />
        </RingdeskStoreProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
  return () => {
    stopBridge();
    stopFollowing();
    calls.stop();
    root.unmount();
    void telephony.dispose();
  };
}
