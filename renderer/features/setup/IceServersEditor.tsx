import { useRef, useState } from 'react';
import { iceKey, ICE_LIST_KEY, MAX_ICE_SERVERS, type IcePart, type IceServerRow } from './account-form';
import { FormField } from './FormField';

interface Props {
  rows: IceServerRow[];
  errorFor: (key: string) => string | undefined;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onChange: (index: number, part: IcePart, value: string) => void;
  onBlur: (index: number, part: IcePart) => void;
}

/** Optional STUN/TURN servers, one small group per server. */
export function IceServersEditor({ rows, errorFor, onAdd, onRemove, onChange, onBlur }: Props) {
  const addButton = useRef<HTMLButtonElement>(null);
  // Only a row the agent just added takes focus, never the prefilled ones.
  const [addedCount, setAddedCount] = useState(0);
  const listError = errorFor(ICE_LIST_KEY);
  const field = (index: number, part: IcePart) => ({
    value: rows[index]?.[part] ?? '',
    error: errorFor(iceKey(index, part)),
    onChange: (value: string) => onChange(index, part, value),
    onBlur: () => onBlur(index, part),
  });

  return (
    <fieldset className="ice-servers">
      <legend>ICE servers (optional)</legend>
      <p className="field-hint">Only needed when your administrator gives you STUN or TURN servers.</p>
      {rows.map((row, index) => (
        <div className="ice-row" role="group" aria-label={`ICE server ${index + 1}`} key={row.key}>
          <FormField
            label="STUN/TURN address"
            placeholder="stun:stun.example.com:3478"
            autoFocus={addedCount > 0 && index === rows.length - 1}
            {...field(index, 'urls')}
          />
          <FormField label="Username" autoComplete="off" {...field(index, 'username')} />
          <FormField
            label="Credential"
            type="password"
            autoComplete="off"
            hint={row.hasSavedCredential ? 'Leave blank to keep the saved credential' : undefined}
            {...field(index, 'credential')}
          />
          <button
            type="button"
            className="link"
            aria-label={`Remove ICE server ${index + 1}`}
            onClick={() => {
              onRemove(index);
              addButton.current?.focus();
            }}
          >
            Remove
          </button>
        </div>
      ))}
      {listError && <p className="field-error">{listError}</p>}
      <button
        type="button"
        ref={addButton}
        disabled={rows.length >= MAX_ICE_SERVERS}
        onClick={() => {
          setAddedCount((n) => n + 1);
          onAdd();
        }}
      >
        Add ICE server
      </button>
    </fieldset>
  );
}
