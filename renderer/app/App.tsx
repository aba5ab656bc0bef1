import { useEffect } from 'react';
import { Ringer } from '../features/ringing/Ringer';
import { FirstRun } from '../features/setup/FirstRun';
import { useRingdesk } from '../store/RingdeskStoreProvider';
import { selectScreen, type Screen } from '../store/selectors';
import { CallArea } from './shell/CallArea';
import { PhoneShell } from './shell/PhoneShell';

/**
 * Picks the screen from the mirrored snapshot; every state has something to
 * read. With an account the agent is in the phone shell (editing the
 * account happens inside it, so calls and presence stay in view); before
 * one exists, the first-run form. The ringer plays whatever is shown.
 */
export function App() {
  const screen = useRingdesk(selectScreen);
  const load = useRingdesk((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="app">
      {screen === 'shell' ? (
        <PhoneShell />
      ) : (
        <div className="first-run">
          <CallArea variant="full" />
          <main className="first-run-body">
            <FirstRunScreen screen={screen} />
          </main>
        </div>
      )}
      <Ringer />
    </div>
  );
}

function FirstRunScreen({ screen }: { screen: Exclude<Screen, 'shell'> }) {
  switch (screen) {
    case 'starting':
      return (
        <p className="starting" role="status">
          Starting…
        </p>
      );
    case 'load-failed':
      return <LoadFailed />;
    case 'first-run':
      return <FirstRun />;
  }
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
