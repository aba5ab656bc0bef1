import { useEffect } from 'react';
import { keyTargetOf } from '../../components/key-target';
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
      const keyTarget = keyTargetOf(target);
      // An empty field is not being typed in yet: the shortcuts still work there.
      if (keyTarget.kind === 'text' && !keyTarget.empty) return;
      // Selects, checkboxes and the like have their own Enter, as has a call panel's button.
      const ownEnter = keyTarget.kind === 'value-picker' || keyTarget.kind === 'control' || target?.closest('[data-testid="call-panel"] button');
      if (event.key === 'Enter' && ownEnter) return;
      event.preventDefault();
      if (event.key === 'Enter') answer(ringingId);
      else decline(ringingId);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [ringingId, answer, decline]);
}
