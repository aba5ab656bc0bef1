/**
 * What a key pressed on an element means to that element: the one place the
 * window decides "is the agent typing here?", for every keyboard shortcut
 * and for digits typed anywhere on the Phone view.
 *
 * ```
 *  text          text-like <input> (text, search, tel, url, email, password, number),
 *                <textarea>, contenteditable      typed characters become its text
 *  value-picker  <select>, date/time <input>s     typed characters choose or edit its value
 *  control       checkbox, radio, range, color, file, button-like <input>s
 *                                                 keys have the control's own meaning, no text
 *  none          anything else (body, <button>, a link)
 * ```
 *
 * Each caller keeps its own policy on top: typed digits stay away from
 * `text` and `value-picker`; Enter/Escape for a ringing call stay away from
 * a `text` target that holds text and leave Enter to pickers and controls.
 */
export type KeyTarget = { kind: 'text'; empty: boolean } | { kind: 'value-picker' } | { kind: 'control' } | { kind: 'none' };

/** <input> types whose typed characters are its text. */
const TEXT_INPUTS = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number']);
/** <input> types that take no typed characters at all. */
const CONTROL_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

export function keyTargetOf(element: Element | null): KeyTarget {
  if (element instanceof HTMLInputElement) {
    if (TEXT_INPUTS.has(element.type)) return { kind: 'text', empty: element.value === '' };
    // date, time, month, week, datetime-local: digits typed edit the value.
    return CONTROL_INPUTS.has(element.type) ? { kind: 'control' } : { kind: 'value-picker' };
  }
  if (element instanceof HTMLTextAreaElement) return { kind: 'text', empty: element.value === '' };
  if (element instanceof HTMLSelectElement) return { kind: 'value-picker' };
  const editable = element instanceof HTMLElement ? (element.isContentEditable ? element : element.closest<HTMLElement>('[contenteditable]:not([contenteditable="false"])')) : null;
  if (editable) return { kind: 'text', empty: (editable.textContent ?? '') === '' };
  return { kind: 'none' };
}

/** Typed characters belong to this element (text, or a value picked by typing): a key there is the agent's, not a shortcut's. */
export function isTextEntry(element: Element | null): boolean {
  const { kind } = keyTargetOf(element);
  return kind === 'text' || kind === 'value-picker';
}
