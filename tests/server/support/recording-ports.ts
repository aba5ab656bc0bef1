import type { ConfirmationRequest, ConfirmationRequests } from '../../../server/services/confirmation-requests';
import type { LiveBindings } from '../../../server/services/live-bindings';

/**
 * The two ports the team services call after a commit, recording what they
 * were asked: the real adapters (Kamailio JSON-RPC, the invitation mailer)
 * are other slices' and have their own end-to-end tests.
 */
export interface RecordingPorts {
  bindings: LiveBindings & { dropped: string[] };
  confirmations: ConfirmationRequests & { requests: ConfirmationRequest[]; failNext: boolean };
}

export function recordingPorts(): RecordingPorts {
  const dropped: string[] = [];
  const requests: ConfirmationRequest[] = [];
  const confirmations = {
    requests,
    failNext: false,
    async request(event: ConfirmationRequest) {
      if (confirmations.failNext) {
        confirmations.failNext = false;
        throw new Error('mail server unreachable');
      }
      requests.push(event);
    },
  };
  return { bindings: { dropped, drop: async (sipUser) => void dropped.push(sipUser) }, confirmations };
}
