import { useEffect, useId, useState } from 'react';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectPreferences } from '../../store/selectors';
import { DeviceSelect } from './DeviceSelect';
import { MicrophoneMeter } from './MicrophoneMeter';
import './audio-settings.css';

/** Microphone, speaker and ringer, with a level meter and test sounds to check them. */
export function AudioSettings() {
  const ringOnSpeakerId = useId();
  const audio = useRingdesk((s) => selectPreferences(s).audio);
  const updatePreferences = useRingdesk((s) => s.updatePreferences);
  const refreshDevices = useRingdesk((s) => s.refreshDevices);

  useEffect(() => {
    void refreshDevices();
  }, [refreshDevices]);

  return (
    <fieldset className="settings-group audio-settings">
      <legend>Audio devices</legend>
      <DeviceSelect role="microphone" />
      <MicrophoneMeter />
      <DeviceSelect role="speaker" />
      <TestSoundButton role="speaker" />
      <DeviceSelect role="ringer" />
      <div className="field field-check">
        <input
          id={ringOnSpeakerId}
          type="checkbox"
          checked={audio.ringOnSpeakerToo}
          onChange={(event) => void updatePreferences({ audio: { ...audio, ringOnSpeakerToo: event.target.checked } })}
        />
        <label htmlFor={ringOnSpeakerId}>Also ring on the computer speaker</label>
      </div>
      <TestSoundButton role="ringer" />
    </fieldset>
  );
}

function TestSoundButton({ role }: { role: 'speaker' | 'ringer' }) {
  const playTestSound = useRingdesk((s) => s.playTestSound);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="test-sound">
      <button
        type="button"
        onClick={() => {
          setProblem(null);
          void playTestSound(role).then((outcome) => setProblem(outcome.ok ? null : outcome.message));
        }}
      >
        {role === 'speaker' ? 'Test speaker' : 'Test ringer'}
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
