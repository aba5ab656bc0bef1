import { useEffect, useId, useMemo, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { cleanPastedText, parseDialInput } from '../../domain/phone-number';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectDefaultCountry } from '../../store/selectors';
import { DialKeypad } from './DialKeypad';
import { NUMBER_FIELD_PROPS } from './number-field';
import { SUGGESTIONS_OPEN, suggestionKey, type SuggestionListState } from './suggestion-keys';
import { DIAL_FIELD_ATTRIBUTE } from './typed-digits';
import { useDialFieldFocus } from './use-dial-field-focus';
import { usePeerSuggestions } from './use-dial-suggestions';
import './dialer.css';

/**
 * Dial a number, an extension or a SIP address: formatted as it is typed
 * (for the agent's default country), cleaned when pasted, explained when it
 * cannot be called. Problems that more typing may fix ("too short") are only
 * shown once the agent presses Call. Recent calls matching the text are
 * offered as a combobox list (arrow keys, Enter, Escape; suggestion-keys.ts).
 * Tab goes from the field to Call; the dial pad comes after.
 */
export function Dialer() {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const country = useRingdesk(selectDefaultCountry);
  const lastDialed = useRingdesk((s) => s.calls.lastDialed);
  const text = useRingdesk((s) => s.dialer.text);
  const editDialText = useRingdesk((s) => s.editDialText);
  const dial = useRingdesk((s) => s.dial);
  const redial = useRingdesk((s) => s.redial);
  const loadLastDialed = useRingdesk((s) => s.loadLastDialed);
  const reportProblem = useRingdesk((s) => s.reportProblem);
  // Both belong to the text they were made for: typing something else clears them.
  const [refused, setRefused] = useState<{ message: string; text: string } | null>(null);
  const [list, setList] = useState<SuggestionListState & { text: string }>({ ...SUGGESTIONS_OPEN, text: '' });
  // One line per number, not what is already typed (shared with the transfer picker).
  const visibleSuggestions = usePeerSuggestions(text);
  useDialFieldFocus(field);

  useEffect(() => {
    void loadLastDialed();
  }, [loadLastDialed]);

  const parsed = useMemo(() => parseDialInput(text, country), [text, country]);
  const liveProblem = parsed.kind === 'invalid' && !parsed.incomplete ? parsed.message : null;
  const error = (refused?.text === text ? refused.message : null) ?? liveProblem;
  const hint =
    parsed.kind === 'phone-number' && parsed.extension
      ? `Extension ${parsed.extension} is not dialled: key it in on the call's keypad once connected.`
      : null;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const listId = `${id}-suggestions`;
  const optionId = (index: number) => `${id}-suggestion-${index}`;

  const change = (next: string, caretAtEnd: boolean) => editDialText(next, caretAtEnd);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = dial(text);
    if (!outcome.ok) {
      setRefused({ message: outcome.message, text });
      return;
    }
    change('', true);
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

  const listState: SuggestionListState = list.text === text ? list : SUGGESTIONS_OPEN;
  const expanded = listState.open && visibleSuggestions.length > 0;
  const active = expanded && listState.active !== null && listState.active < visibleSuggestions.length ? listState.active : null;

  const choose = (index: number) => {
    const chosen = visibleSuggestions[index];
    if (chosen) change(chosen.fill, true);
  };

  const onFieldKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const outcome = suggestionKey(event.key, { open: expanded, active }, visibleSuggestions.length);
    if (!outcome.handled) return;
    event.preventDefault();
    setList({ ...outcome.next, text });
    if (outcome.choose !== null) choose(outcome.choose);
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
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={active !== null ? optionId(active) : undefined}
          {...{ [DIAL_FIELD_ATTRIBUTE]: '' }}
          placeholder="e.g. 1002, a phone number or sip:alice@example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined}
          onChange={(event) => change(event.target.value, event.target.selectionStart === event.target.value.length)}
          onPaste={paste}
          onKeyDown={onFieldKeyDown}
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
      {/* Always in the document, so the field's aria-controls names an element; empty and hidden when closed. */}
      <ul id={listId} role="listbox" className="dial-suggestions" aria-label="Recent calls" hidden={!expanded}>
        {expanded &&
          visibleSuggestions.map(({ key, name, detail }, index) => (
            <li
              key={key}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={`suggestion${index === active ? ' suggestion-active' : ''}`}
              // Keeps focus in the field, where the combobox lives.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                choose(index);
                field.current?.focus();
              }}
            >
              <span className="suggestion-name">{name}</span>
              {detail && <span className="suggestion-number">{detail}</span>}
            </li>
          ))}
      </ul>
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
      <DialKeypad onKey={(key) => change(text + key, true)} />
    </form>
  );
}
