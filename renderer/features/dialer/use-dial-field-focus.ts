import { useEffect, useRef, type RefObject } from 'react';
import { isTextEntry } from '../../components/key-target';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectHasLiveCall } from '../../store/selectors';

/**
 * When the number field takes focus by itself: when digits typed elsewhere
 * on the Phone view were put into it, and when the last call ends (its
 * panel, and the Hang up button that had focus, are gone), so the agent can
 * type the next number straight away. A text field the agent is typing in
 * keeps its focus.
 */
export function useDialFieldFocus(field: RefObject<HTMLInputElement | null>): void {
  const focusPending = useRingdesk((s) => s.dialer.focusPending);
  const dialFieldFocused = useRingdesk((s) => s.dialFieldFocused);
  const hasLiveCall = useRingdesk(selectHasLiveCall);
  const hadLiveCall = useRef(hasLiveCall);

  useEffect(() => {
    if (!focusPending) return;
    field.current?.focus();
    dialFieldFocused();
  }, [focusPending, dialFieldFocused, field]);

  useEffect(() => {
    const ended = hadLiveCall.current && !hasLiveCall;
    hadLiveCall.current = hasLiveCall;
    if (ended && !isTextEntry(document.activeElement)) field.current?.focus();
  }, [hasLiveCall, field]);
}
