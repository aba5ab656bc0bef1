import type { CallSnapshot } from '../../../common/schemas/call';
import { callStateText } from '../../domain/call-outcome-text';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { HangUpButton, MuteButton, RingingActions, SwitchButton } from './CallControls';
import { CallSection } from './CallSection';
import { CallTimer } from './CallTimer';
import { PeerAvatar } from './PeerAvatar';
import { useCallPeer } from './use-call-peer';

/**
 * A call on one line: who, its state (or the talk time while connected),
 * and the actions that cannot wait — Answer / Decline while it rings,
 * Switch on a held call while another is talking, Mute and Hang up. Used
 * for every call on the other views, and for the calls beside the one in
 * focus on the Phone view. An ended call shows only its outcome.
 */
export function CallRow({ call }: { call: CallSnapshot }) {
  const peer = useCallPeer(call);
  const state = callStateText(call);
  // The talk time says "connected" by itself; the word stays for screen readers.
  const talkingSince = call.state === 'active' && !call.held && !call.remoteHeld ? call.answeredAt : null;
  return (
    <CallSection call={call} title={peer.title} layout="row">
      <PeerAvatar name={peer.name} size="sm" />
      <p className="call-row-peer">
        <span className="call-peer-name">{peer.title}</span>
        {peer.name && <span className="call-peer-number">{peer.number}</span>}
      </p>
      <p className="call-row-status">
        <span className={`call-state${talkingSince !== null ? ' call-sr-only' : ''}`} data-testid="call-state" aria-live="polite">
          {state}
        </span>
        {talkingSince !== null && <CallTimer answeredAt={talkingSince} />}
      </p>
      {call.state !== 'ended' && (
        <div className="call-row-actions">
          <RowActions call={call} />
        </div>
      )}
    </CallSection>
  );
}

function RowActions({ call }: { call: CallSnapshot }) {
  const anotherIsTalking = useRingdesk((s) => s.calls.list.some((c) => c.id !== call.id && c.state === 'active' && !c.held));
  if (call.state === 'incoming') return <RingingActions call={call} look="inline" />;
  return (
    <>
      {call.state === 'active' && call.held && anotherIsTalking && <SwitchButton call={call} look="icon" />}
      {call.state === 'active' && <MuteButton call={call} look="icon" />}
      <HangUpButton callId={call.id} look="icon" />
    </>
  );
}
