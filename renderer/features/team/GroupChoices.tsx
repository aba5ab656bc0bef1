import { useId } from 'react';
import type { Group } from '../../../common/schemas/workspace/group';

/** The groups an agent belongs to, as checkboxes (every agent needs at least one). */
export function GroupChoices({ groups, value, onChange, error, disabled }: { groups: Group[]; value: string[]; onChange: (ids: string[]) => void; error: string | undefined; disabled: boolean }) {
  const id = useId();
  const chosen = new Set(value);
  return (
    <fieldset className={`team-groups${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Groups</legend>
      {groups.length === 0 && <p className="field-hint">No groups yet.</p>}
      {groups.map((group) => (
        <label key={group.id} className="team-check">
          <input
            type="checkbox"
            checked={chosen.has(group.id)}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.checked ? [...value, group.id] : value.filter((g) => g !== group.id))}
          />
          {group.name}
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
