import { useEffect } from 'react';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectFirstRingingCallId } from '../../store/selectors';

/**
 * While a call rings in: Enter answers it, Escape declines it (the Answer
 * and Decline buttons say so in their tooltips). Listened to in the capture
 * phase so that a button that happens to have focus ("Call", a tab) does
 * not take the Enter instead. Left alone: typing in a field that has
 * text (Enter there submits that field), and the buttons of a call panel
 * (Enter on "Decline" declines).
 */
export function useRingingShortcuts(): void {
  const ringingId = useRingdesk(selectFirstRingingCallId);
  const answer = useRingdesk((s) => s.answer);
  const decline = useRingdesk((s) => s.decline);
  useEffect(() => {
    if (!ringingId) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.repeat) return;
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      const target = event.target instanceof Element ? event.target : null;
      if (isFieldWithText(target)) return;
      if (event.key === 'Enter' && (isChoice(target) || target?.closest('[data-testid="call-panel"] button'))) return;
      event.preventDefault();
      if (event.key === 'Enter') answer(ringingId);
      else decline(ringingId);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [ringingId, answer, decline]);
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number']);

function isFieldWithText(target: Element | null): boolean {
  if (target instanceof HTMLTextAreaElement) return target.value !== '';
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type) && target.value !== '';
}

/** Selects, checkboxes and the like, where Enter has its own meaning. */
function isChoice(target: Element | null): boolean {
  return target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && !TEXT_INPUT_TYPES.has(target.type));
}
