import type { CallSnapshot } from '../../../common/schemas/call';
import { displayNumber } from '../../domain/phone-number';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectDefaultCountry } from '../../store/selectors';

/** Who a call is with, as the card and the row show it. */
export interface CallPeerLabel {
  /** The display name (remote-controlled: render as text only), or null. */
  name: string | null;
  /** The number, formatted for the agent's country, or the address. */
  number: string;
  /** The name, else the number: what the call is called ("Call with …"). */
  title: string;
}

export function useCallPeer(call: CallSnapshot): CallPeerLabel {
  const country = useRingdesk(selectDefaultCountry);
  const number = displayNumber(call.peer.user || call.peer.uri, country);
  const name = call.peer.displayName?.trim() || null;
  return { name, number, title: name ?? number };
}
