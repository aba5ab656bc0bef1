import { AudioSettings } from '../audio-settings/AudioSettings';
import { AccountSection } from './AccountSection';
import { CallPreferences } from './CallPreferences';

/** The Settings section: the account, audio devices and call preferences. */
export function SettingsView() {
  return (
    <div className="settings">
      <AccountSection />
      <AudioSettings />
      <CallPreferences />
    </div>
  );
}
