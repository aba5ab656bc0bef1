import { AudioSettings } from '../audio-settings/AudioSettings';
import { CallPreferences } from './CallPreferences';

/** The Settings tab. The account itself is edited from "Edit account" in the header. */
export function SettingsView() {
  return (
    <div className="settings">
      <AudioSettings />
      <CallPreferences />
    </div>
  );
}
