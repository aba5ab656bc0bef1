import { useId } from 'react';

export interface FormFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'password' | 'email' | 'tel';
  placeholder?: string;
  autoComplete?: string;
  autoFocus?: boolean;
  required?: boolean;
  /** Shown but not editable; say why in `hint`. */
  disabled?: boolean;
  inputMode?: 'numeric' | 'tel' | 'email';
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function FormField({ label, value, onChange, onBlur, error, hint, type = 'text', required, ...rest }: FormFieldProps) {
  const id = useId();
  // While there is an error it says what to do; the hint would only repeat it.
  const shownHint = error ? undefined : hint;
  const hintId = shownHint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        spellCheck={false}
        autoCapitalize="off"
        {...rest}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {shownHint && (
        <p id={hintId} className="field-hint">
          {shownHint}
        </p>
      )}
    </div>
  );
}
