import { useEffect, useId, useMemo, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { cleanPastedText, formatAsYouType, parseDialInput } from '../../domain/phone-number';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectDefaultCountry } from '../../store/selectors';
import { DialKeypad } from './DialKeypad';
import { NUMBER_FIELD_PROPS } from './number-field';
import { SuggestionList } from './SuggestionList';
import { usePeerSuggestions } from './use-dial-suggestions';
import './dialer.css';

/**
 * Dial a number, an extension or a SIP address: formatted as it is typed
 * (for the agent's default country), cleaned when pasted, explained when it
 * cannot be called. Problems that more typing may fix ("too short") are only
 * shown once the agent presses Call.
 */
export function Dialer() {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const country = useRingdesk(selectDefaultCountry);
  const lastDialed = useRingdesk((s) => s.calls.lastDialed);
  const dial = useRingdesk((s) => s.dial);
  const redial = useRingdesk((s) => s.redial);
  const loadLastDialed = useRingdesk((s) => s.loadLastDialed);
  const reportProblem = useRingdesk((s) => s.reportProblem);
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const suggestions = usePeerSuggestions(text);

  useEffect(() => {
    void loadLastDialed();
  }, [loadLastDialed]);

  const parsed = useMemo(() => parseDialInput(text, country), [text, country]);
  const liveProblem = parsed.kind === 'invalid' && !parsed.incomplete ? parsed.message : null;
  const error = refused ?? liveProblem;
  const hint =
    parsed.kind === 'phone-number' && parsed.extension
      ? `Extension ${parsed.extension} is not dialled: key it in on the call's keypad once connected.`
      : null;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  const change = (next: string, caretAtEnd: boolean) => {
    // Reformat only when typing at the end, so editing in the middle keeps the caret where it is.
    setText(caretAtEnd ? formatAsYouType(next, country) : next);
    setRefused(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = dial(text);
    if (!outcome.ok) {
      setRefused(outcome.message);
      return;
    }
    setText('');
    setRefused(null);
  };

  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!pasted) return;
    event.preventDefault();
    const input = event.currentTarget;
    const start = input.selectionStart ?? text.length;
    const end = input.selectionEnd ?? text.length;
    const next = text.slice(0, start) + pasted + text.slice(end);
    change(start === 0 && end === text.length ? cleanPastedText(pasted, country) : next, end === text.length);
  };

  return (
    <form className="dialer" aria-label="Dialer" onSubmit={submit}>
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>Number or SIP address</label>
        <input
          id={id}
          ref={field}
          {...NUMBER_FIELD_PROPS}
          value={text}
          placeholder="e.g. 1002, a phone number or sip:alice@example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined}
          onChange={(event) => change(event.target.value, event.target.selectionStart === event.target.value.length)}
          onPaste={paste}
        />
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        {hint && !error && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
      </div>
      <SuggestionList
        label="Recent calls"
        suggestions={suggestions}
        onPick={(fill) => {
          change(fill, true);
          field.current?.focus();
        }}
      />
      <DialKeypad onKey={(key) => change(text + key, true)} />
      <div className="dialer-actions">
        <button type="submit" className="primary call-button" disabled={text.trim() === ''}>
          Call
        </button>
        {text.trim() === '' && lastDialed && (
          <button
            type="button"
            className="redial"
            title={`Call ${lastDialed} again`}
            onClick={() => {
              const outcome = redial();
              if (!outcome.ok) reportProblem(outcome.message);
            }}
          >
            Redial
          </button>
        )}
      </div>
      {text.trim() === '' && lastDialed && <p className="redial-hint">Last dialled: {lastDialed}</p>}
    </form>
  );
}
