import { useEffect, useState } from 'react';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectDeviceId } from '../../store/selectors';

const selectMicrophoneId = selectDeviceId('microphone');
/** How often the level is read: smooth enough to watch, cheap enough to leave open. */
export const METER_INTERVAL_MS = 100;

type MeterState = { status: 'opening' } | { status: 'open'; level: number } | { status: 'failed'; message: string };

/**
 * "Is my microphone working?": a live level while the settings are open.
 * The microphone is opened on mount (and again when another is chosen) and
 * released as soon as the meter goes, so the system's "microphone in use"
 * light is not left on.
 */
export function MicrophoneMeter() {
  const microphoneId = useRingdesk(selectMicrophoneId);
  const openMicrophone = useRingdesk((s) => s.openMicrophone);
  const [state, setState] = useState<MeterState>({ status: 'opening' });

  useEffect(() => {
    let closed = false;
    let release = () => {};
    void openMicrophone().then((outcome) => {
      if (!outcome.ok) {
        if (!closed) setState({ status: 'failed', message: outcome.message });
        return;
      }
      const { meter } = outcome;
      if (closed) return meter.close();
      const timer = setInterval(() => setState({ status: 'open', level: meter.level() }), METER_INTERVAL_MS);
      setState({ status: 'open', level: meter.level() });
      release = () => {
        clearInterval(timer);
        meter.close();
      };
    });
    return () => {
      closed = true;
      release();
    };
  }, [openMicrophone, microphoneId]);

  if (state.status === 'failed') {
    return (
      <p className="mic-problem" role="alert">
        {state.message}
      </p>
    );
  }
  const level = state.status === 'open' ? state.level : 0;
  return (
    <div className="field field-inline mic-meter">
      <span id="mic-level-label">Microphone level</span>
      <meter aria-labelledby="mic-level-label" min={0} max={1} low={0.15} high={0.9} optimum={0.5} value={level} data-testid="mic-level">
        {Math.round(level * 100)}%
      </meter>
    </div>
  );
}
