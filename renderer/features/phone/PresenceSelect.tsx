import { useId } from 'react';
import { PRESENCE_LABELS, presenceSchema } from '../../../preload/schemas/presence';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectPresence } from '../../store/selectors';

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
