import { isTextEntry } from '../../components/key-target';

/**
 * Where a key typed on the Phone view goes when no text field has it:
 *
 * ```
 *  0-9 * #  ── a call is connected ──► a keypad tone on that call
 *          └─ no connected call ────► the number field (focus moves there)
 *  +        ─────────────────────────► the number field (never a tone)
 *  anything else, Ctrl/Meta/Alt, a held-down key, IME composition ─► left alone
 * ```
 *
 * A key aimed at a text input, textarea, select or contenteditable is never
 * taken: that element is where the agent is typing. One exception: the
 * number field itself while it is empty and a call is connected. After
 * Enter dials, focus stays in the field, and the first thing the agent
 * types on the call is an IVR choice or a PIN: that must be heard at the
 * far end, not start a new number.
 */
export type TypedKeyRoute = { to: 'number'; character: string } | { to: 'tone'; callId: string; digit: string } | null;

/** What of a KeyboardEvent the routing looks at. */
export type TypedKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'isComposing' | 'defaultPrevented'>;

/** Marks the number field, so the routing can tell it from other text fields. */
export const DIAL_FIELD_ATTRIBUTE = 'data-dial-field';

const TONE_KEYS = /^[0-9*#]$/;

export function routeTypedKey(key: TypedKey, focused: Element | null, toneCallId: string | null): TypedKeyRoute {
  if (key.defaultPrevented || key.ctrlKey || key.metaKey || key.altKey || key.repeat || key.isComposing) return null;
  const tone = TONE_KEYS.test(key.key);
  if (!tone && key.key !== '+') return null;
  if (isTextEntry(focused) && !(tone && toneCallId && isEmptyDialField(focused))) return null;
  if (tone && toneCallId) return { to: 'tone', callId: toneCallId, digit: key.key };
  return { to: 'number', character: key.key };
}

function isEmptyDialField(element: Element | null): boolean {
  return element instanceof HTMLInputElement && element.hasAttribute(DIAL_FIELD_ATTRIBUTE) && element.value === '';
}
