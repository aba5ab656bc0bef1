import { useId } from 'react';
import { presenceSchema, type Presence } from '../../../common/schemas/presence';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectPresence } from '../../store/selectors';

/** The window's words for each presence (the tray's are in main/messages). */
export const PRESENCE_LABELS: Record<Presence, string> = {
  available: 'Available',
  away: 'Away',
  dnd: 'Do Not Disturb',
  offline: 'Offline',
};

/** Shows main's presence; choosing another asks main, and the select follows main's answer. */
export function PresenceSelect() {
  const id = useId();
  const presence = useRingdesk(selectPresence);
  const setPresence = useRingdesk((s) => s.setPresence);
  return (
    <div className="field field-inline">
      <label htmlFor={id}>Presence</label>
      <select
        id={id}
        className={`presence presence-${presence}`}
        value={presence}
        onChange={(event) => {
          const chosen = presenceSchema.safeParse(event.target.value);
          if (chosen.success) void setPresence(chosen.data);
        }}
      >
        {presenceSchema.options.map((value) => (
          <option key={value} value={value}>
            {PRESENCE_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
