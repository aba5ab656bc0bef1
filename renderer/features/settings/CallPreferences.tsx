import { useId, useMemo } from 'react';
import { computerCountry } from '../../domain/computer-country';
import { countryName, countryOptions } from '../../domain/phone-number';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectPreferences } from '../../store/selectors';

/**
 * Country, incoming-call behaviour and notifications (how keypad tones are
 * sent is under Advanced). Every control shows main's value and asks main to
 * change it; it follows main's answer (a refused change snaps back and
 * leaves a notice).
 */
export function CallPreferences() {
  const ids = { country: useId(), forward: useId(), incoming: useId(), missed: useId() };
  const preferences = useRingdesk(selectPreferences);
  const updatePreferences = useRingdesk((s) => s.updatePreferences);
  const countries = useMemo(() => countryOptions(), []);
  const { notifications } = preferences;
  const chosenCountry = preferences.defaultCountry;

  return (
    <fieldset className="settings-group">
      <legend>Calls</legend>
      <div className="field">
        <label htmlFor={ids.country}>Default country</label>
        {/* "" is "follow the computer" (null in main's preferences): the country of its language settings. */}
        <select id={ids.country} value={chosenCountry ?? ''} onChange={(event) => void updatePreferences({ defaultCountry: event.target.value || null })}>
          <option value="">{`${countryName(computerCountry())} (from your computer)`}</option>
          {chosenCountry && !countries.some((c) => c.code === chosenCountry) && <option value={chosenCountry}>{chosenCountry}</option>}
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.label}
            </option>
          ))}
        </select>
        <p className="field-hint">For numbers typed without + and a country code.</p>
      </div>
      <Checkbox
        id={ids.forward}
        label="Bring the window forward for incoming calls"
        checked={preferences.bringWindowForward}
        onChange={(checked) => void updatePreferences({ bringWindowForward: checked })}
      />
      <Checkbox
        id={ids.incoming}
        label="Notify me of incoming calls"
        checked={notifications.incomingCall}
        onChange={(checked) => void updatePreferences({ notifications: { ...notifications, incomingCall: checked } })}
      />
      <Checkbox
        id={ids.missed}
        label="Notify me of missed calls"
        checked={notifications.missedCall}
        onChange={(checked) => void updatePreferences({ notifications: { ...notifications, missedCall: checked } })}
      />
    </fieldset>
  );
}

function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
