import { flushSync } from 'react-dom';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Outcome } from '../../store/types';
import { NUMBER_FIELD_PROPS } from '../dialer/number-field';
import { SuggestionList } from '../dialer/SuggestionList';
import { TARGET_SOURCES, type TargetSource } from './target-sources';

interface TargetPickerProps {
  /** The field's label, e.g. "Transfer to". */
  label: string;
  /** The submit button, e.g. "Transfer now". */
  action: string;
  onSubmit: (target: string) => Outcome<object>;
  onCancel: () => void;
  /** Where to look for people; the recent calls unless a test or a later screen says otherwise. */
  sources?: readonly TargetSource[];
}

/**
 * Who to transfer to or consult: a number or address typed in, or picked
 * from the matches of each source (recent calls for now). Picking fills the
 * field and moves to the action button, so a blind transfer is never sent
 * by a stray click. A refused target says why, inline.
 */
export function TargetPicker({ label, action, onSubmit, onCancel, sources = TARGET_SOURCES }: TargetPickerProps) {
  const id = useId();
  const submitButton = useRef<HTMLButtonElement>(null);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = onSubmit(target);
    if (outcome.ok) onCancel();
    else setError(outcome.message);
  };
  const change = (next: string) => {
    setTarget(next);
    setError(null);
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onCancel();
  };
  return (
    <form className={`call-form${error ? ' field-invalid' : ''}`} onSubmit={submit} onKeyDown={cancelOnEscape}>
      <label htmlFor={id}>{label}</label>
      <div className="call-form-row">
        <input
          id={id}
          {...NUMBER_FIELD_PROPS}
          autoFocus
          placeholder="Number, extension or name"
          value={target}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => change(event.target.value)}
        />
        <button ref={submitButton} type="submit" className="primary" disabled={target.trim() === ''}>
          {action}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      {sources.map((source) => (
        <TargetGroup
          key={source.key}
          source={source}
          text={target}
          onPick={(fill) => {
            // Rendered at once, so the button is enabled before it takes the focus: the next Enter sends it.
            flushSync(() => change(fill));
            submitButton.current?.focus();
          }}
        />
      ))}
    </form>
  );
}

/** One source's matches; its own component so that each source's hook runs on every render. */
function TargetGroup({ source, text, onPick }: { source: TargetSource; text: string; onPick: (fill: string) => void }) {
  return <SuggestionList label={source.heading} suggestions={source.useTargets(text)} onPick={onPick} />;
}
