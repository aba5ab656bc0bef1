import { useEffect } from 'react';
import { ReachabilityBanner } from '../components/ReachabilityBanner';
import { DeviceFallbackNotices } from '../features/audio-settings/DeviceFallbackNotices';
import { CallList } from '../features/call/CallList';
import { Notices } from '../features/notices/Notices';
import { PhoneScreen } from '../features/phone/PhoneScreen';
import { Ringer } from '../features/ringing/Ringer';
import { AccountSetupForm } from '../features/setup/AccountSetupForm';
import { useRingdesk } from '../store/RingdeskStoreProvider';
import { selectAccountBeingEdited, selectScreen } from '../store/selectors';

/**
 * Picks the screen from the mirrored snapshot; every state has something to
 * read. Calls and the ringer sit above every screen: a call rings and can be
 * answered even while the agent edits their account.
 */
export function App() {
  const screen = useRingdesk(selectScreen);
  const load = useRingdesk((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="app">
      <ReachabilityBanner />
      <Notices />
      <DeviceFallbackNotices />
      <main className="app-body">
        <CallList />
        <Screen screen={screen} />
      </main>
      <Ringer />
    </div>
  );
}

function Screen({ screen }: { screen: ReturnType<typeof selectScreen> }) {
  switch (screen) {
    case 'starting':
      return (
        <p className="starting" role="status">
          Starting…
        </p>
      );
    case 'load-failed':
      return <LoadFailed />;
    case 'setup':
      return <SetupScreen />;
    case 'phone':
      return <PhoneScreen />;
  }
}

function SetupScreen() {
  const account = useRingdesk(selectAccountBeingEdited);
  return <AccountSetupForm account={account} />;
}

function LoadFailed() {
  const loadError = useRingdesk((s) => s.loadError);
  const load = useRingdesk((s) => s.load);
  return (
    <section className="panel" role="alert">
      <h1>Ringdesk could not load your settings</h1>
      <p>{loadError}</p>
      <button type="button" className="primary" onClick={() => void load()}>
        Retry
      </button>
    </section>
  );
}
