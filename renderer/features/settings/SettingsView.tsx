import { AudioSettings } from '../audio-settings/AudioSettings';
import { AccountSection } from './AccountSection';
import { AdvancedSettings } from './AdvancedSettings';
import { CallPreferences } from './CallPreferences';
import { DashboardPreference } from './DashboardPreference';

/** The Settings section: the account, audio devices and call preferences, the admin's dashboard switch, and the advanced settings folded. */
export function SettingsView() {
  return (
    <div className="settings">
      <AccountSection />
      <AudioSettings />
      <CallPreferences />
      <DashboardPreference />
      <AdvancedSettings />
    </div>
  );
}
