import { useId } from 'react';
import type { Preferences } from '../../../common/schemas/preferences';
import { Disclosure } from '../../components/Disclosure';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectPreferences } from '../../store/selectors';

/** Protocol names are for whoever runs the phone system: they live here, not among the agent's choices. */
const DTMF_LABELS: Record<Preferences['dtmfMode'], string> = {
  rfc4733: 'RTP events (RFC 4733)',
  info: 'SIP INFO',
};

/**
 * Settings few agents need and that speak in protocol terms, folded under
 * "Advanced". Like every preference, the control shows main's value and
 * asks main to change it.
 */
export function AdvancedSettings() {
  const dtmfId = useId();
  const { dtmfMode } = useRingdesk(selectPreferences);
  const updatePreferences = useRingdesk((s) => s.updatePreferences);
  return (
    <Disclosure summary="Advanced" className="settings-group settings-advanced">
      <div className="field">
        <label htmlFor={dtmfId}>Send keypad tones as</label>
        <select
          id={dtmfId}
          value={dtmfMode}
          onChange={(event) => {
            const mode = event.target.value;
            if (mode === 'rfc4733' || mode === 'info') void updatePreferences({ dtmfMode: mode });
          }}
        >
          {(Object.keys(DTMF_LABELS) as Array<Preferences['dtmfMode']>).map((mode) => (
            <option key={mode} value={mode}>
              {DTMF_LABELS[mode]}
            </option>
          ))}
        </select>
        <p className="field-hint">Change this only if menus you call do not react to the keypad.</p>
      </div>
    </Disclosure>
  );
}
