import { AudioSettings } from '../audio-settings/AudioSettings';
import { AccountSection } from './AccountSection';
import { AdvancedSettings } from './AdvancedSettings';
import { CallPreferences } from './CallPreferences';

/** The Settings section: the account, audio devices and call preferences, and the advanced settings folded. */
export function SettingsView() {
  return (
    <div className="settings">
      <AccountSection />
      <AudioSettings />
      <CallPreferences />
      <AdvancedSettings />
    </div>
  );
}
