import type { Presence } from '../../../common/schemas/presence';
import type { AgentStatus } from '../../../common/schemas/workspace/live';
import { PRESENCE_LABELS } from '../phone/presence-text';

/**
 * A teammate's status as one dot and a few words. On a call says the most;
 * then a chosen Offline; then a phone that is not registered (calls will
 * not ring it whatever its presence); then the presence they chose. No
 * status known yet (never reported) reads as Offline.
 */
export function teammateStatus(status: AgentStatus | undefined): { dot: Presence; text: string } {
  if (!status) return { dot: 'offline', text: PRESENCE_LABELS.offline };
  if (status.onCall) return { dot: status.presence, text: 'On a call' };
  if (status.presence === 'offline') return { dot: 'offline', text: PRESENCE_LABELS.offline };
  if (!status.registered) return { dot: 'offline', text: 'Not registered' };
  return { dot: status.presence, text: PRESENCE_LABELS[status.presence] };
}
