import { useId, useState, type FormEvent } from 'react';
import type { Outcome } from '../../store/types';

interface AddressFormProps {
  /** The field's label, e.g. "Transfer to". */
  label: string;
  /** The submit button, e.g. "Transfer now". */
  action: string;
  onSubmit: (target: string) => Outcome<object>;
  onCancel: () => void;
}

/** One field for a number or address and one action, with the reason inline when it is refused. */
export function AddressForm({ label, action, onSubmit, onCancel }: AddressFormProps) {
  const id = useId();
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = onSubmit(target);
    if (outcome.ok) onCancel();
    else setError(outcome.message);
  };
  return (
    <form className={`call-form${error ? ' field-invalid' : ''}`} onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="call-form-row">
        <input
          id={id}
          type="text"
          inputMode="tel"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={target}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setTarget(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              onCancel();
            }
          }}
        />
        <button type="submit" className="primary" disabled={target.trim() === ''}>
          {action}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
