import type { RingdeskApi } from '../../../preload/contract';
import { startCallRelay } from '../../../renderer/app/call-relay';
import type { FakeTelephony } from '../../fakes/fake-telephony';

/** The store's engine deps as boot.tsx wires them: the telephony and the call relay over it (which reports to main). */
export function withRelay(desktop: RingdeskApi, telephony: FakeTelephony) {
  return { telephony, calls: startCallRelay({ desktop, telephony }) };
}
