import type { CallSnapshot } from '../../../common/schemas/call';
import { callStateText, transferText } from '../../domain/call-outcome-text';
import { CallControls } from './CallControls';
import { CallSection } from './CallSection';
import { CallTimer } from './CallTimer';
import { PeerAvatar } from './PeerAvatar';
import { useCallPeer } from './use-call-peer';

/**
 * The in-call screen for the call in focus: who (avatar, name, number),
 * what is happening and for how long, and everything the agent can do.
 */
export function CallPanel({ call }: { call: CallSnapshot }) {
  const peer = useCallPeer(call);
  const transfer = transferText(call);
  return (
    <CallSection call={call} title={peer.title} layout="card">
      <div className="call-summary">
        <PeerAvatar name={peer.name} />
        <div className="call-peer">
          {/* Remote-controlled text (SIP headers): rendered as text, never as markup. */}
          <p className="call-peer-name">{peer.title}</p>
          {peer.name && <p className="call-peer-number">{peer.number}</p>}
        </div>
        <div className="call-status">
          <p className="call-state" data-testid="call-state" aria-live="polite">
            {callStateText(call)}
          </p>
          {call.answeredAt !== null && <CallTimer answeredAt={call.answeredAt} />}
        </div>
      </div>
      {call.consultFor && <p className="call-note">Consultation call — the caller is on hold</p>}
      {transfer && <p className={`call-note${call.transfer?.status === 'failed' ? ' call-note-error' : ''}`}>{transfer}</p>}
      <CallControls call={call} />
    </CallSection>
  );
}
