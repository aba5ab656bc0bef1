import { useEffect } from 'react';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectToneCallId } from '../../store/selectors';
import { routeTypedKey } from './typed-digits';

/**
 * Digits, +, * and # typed anywhere on the Phone view reach the number
 * field, or during a connected call go out as keypad tones (see
 * typed-digits.ts for the rules). Renders nothing; mount it once in the
 * Phone view, whether or not the dialer is shown (the typed text waits in
 * the store and the field takes focus when it appears).
 */
export function TypedDigitsListener(): null {
  const toneCallId = useRingdesk(selectToneCallId);
  const sendDtmf = useRingdesk((s) => s.sendDtmf);
  const typeIntoDialField = useRingdesk((s) => s.typeIntoDialField);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const route = routeTypedKey(event, document.activeElement, toneCallId);
      if (!route) return;
      // Ours now: not typed a second time into whatever gets focus next.
      event.preventDefault();
      if (route.to === 'tone') sendDtmf(route.callId, route.digit);
      else typeIntoDialField(route.character);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [toneCallId, sendDtmf, typeIntoDialField]);
  return null;
}
