import { ArrowLeftRight, Check, Grid3x3, Mic, MicOff, Pause, Phone, PhoneForwarded, PhoneOff, Undo2, UserPlus } from 'lucide-react';
import type { CallSnapshot } from '../../../common/schemas/call';
import { answerHoldsAnother } from '../../domain/call-juggling';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectFirstRingingCallId } from '../../store/selectors';
import { CallButton, type CallButtonLook } from './CallButton';
import { useCallDrawer } from './call-drawers';
import { DtmfKeypad } from './DtmfKeypad';
import { TargetPicker } from './TargetPicker';

/**
 * The full call screen's actions for a call in its state. Toggles (Mute,
 * Hold) keep their label and show when they are on (aria-pressed); Hang up
 * (and Decline while ringing) is the one red action.
 */
export function CallControls({ call }: { call: CallSnapshot }) {
  if (call.state === 'incoming') {
    return (
      <div className="call-ringing-actions">
        <RingingActions call={call} look="inline" />
      </div>
    );
  }
  if (call.state === 'active') return <ActiveCallControls call={call} />;
  return (
    <div className="call-actions">
      {call.consultFor && <BackToCaller consultId={call.id} />}
      <HangUpButton callId={call.id} />
    </div>
  );
}

/**
 * Answer (or, on a call that rings in while the agent talks on another,
 * "Hold & answer") and Decline. The call Enter / Escape act on says so in
 * its tooltips.
 */
export function RingingActions({ call, look }: { call: CallSnapshot; look?: CallButtonLook }) {
  const answer = useRingdesk((s) => s.answer);
  const decline = useRingdesk((s) => s.decline);
  const holdsAnother = useRingdesk((s) => answerHoldsAnother(s.calls.list, call.id));
  const hasShortcuts = useRingdesk((s) => selectFirstRingingCallId(s) === call.id);
  const answerLabel = holdsAnother ? 'Hold & answer' : 'Answer';
  const shortcut = (label: string, key: string) => (hasShortcuts ? `${label} (${key})` : label);
  return (
    <>
      <CallButton
        icon={Phone}
        label={answerLabel}
        title={shortcut(holdsAnother ? 'Put the current call on hold and answer' : 'Answer', 'Enter')}
        tone="answer"
        look={look}
        keyShortcuts={hasShortcuts ? 'Enter' : undefined}
        onClick={() => answer(call.id)}
      />
      <CallButton
        icon={PhoneOff}
        label="Decline"
        title={shortcut('Decline', 'Esc')}
        tone="danger"
        look={look}
        keyShortcuts={hasShortcuts ? 'Escape' : undefined}
        onClick={() => decline(call.id)}
      />
    </>
  );
}

export function HangUpButton({ callId, look }: { callId: string; look?: CallButtonLook }) {
  const hangup = useRingdesk((s) => s.hangup);
  return <CallButton icon={PhoneOff} label="Hang up" tone="danger" look={look} onClick={() => hangup(callId)} />;
}

export function MuteButton({ call, look }: { call: CallSnapshot; look?: CallButtonLook }) {
  const toggleMute = useRingdesk((s) => s.toggleMute);
  return (
    <CallButton
      icon={call.muted ? MicOff : Mic}
      label="Mute"
      title={call.muted ? 'Muted — the other side cannot hear you. Press to unmute' : 'Mute your microphone'}
      pressed={call.muted}
      look={look}
      onClick={() => toggleMute(call.id)}
    />
  );
}

/** On a held call while the agent talks on another: one click swaps the two. */
export function SwitchButton({ call, look }: { call: CallSnapshot; look?: CallButtonLook }) {
  const switchTo = useRingdesk((s) => s.switchTo);
  return (
    <CallButton
      icon={ArrowLeftRight}
      label="Switch"
      title="Put the other call on hold and talk to this one"
      tone="primary"
      look={look}
      onClick={() => switchTo(call.id)}
    />
  );
}

function ActiveCallControls({ call }: { call: CallSnapshot }) {
  const [drawer, toggle] = useCallDrawer(call.id);
  const toggleHold = useRingdesk((s) => s.toggleHold);
  const sendDtmf = useRingdesk((s) => s.sendDtmf);
  const blindTransfer = useRingdesk((s) => s.blindTransfer);
  const startConsult = useRingdesk((s) => s.startConsult);
  const completeTransfer = useRingdesk((s) => s.completeTransfer);
  const consult = call.consultFor;

  return (
    <>
      <div className="call-actions call-actions-grid">
        <MuteButton call={call} />
        <CallButton
          icon={Pause}
          label="Hold"
          title={call.held ? 'On hold — press to resume the call' : 'Put the call on hold'}
          pressed={call.held}
          onClick={() => toggleHold(call.id)}
        />
        <CallButton icon={Grid3x3} label="Keypad" title="Send tones (menus, PINs)" expanded={drawer === 'keypad'} onClick={() => toggle('keypad')} />
        {!consult && (
          <>
            <CallButton icon={PhoneForwarded} label="Transfer" title="Hand the call to someone else now" expanded={drawer === 'transfer'} onClick={() => toggle('transfer')} />
            <CallButton icon={UserPlus} label="Consult" title="Talk to a colleague first, then transfer" expanded={drawer === 'consult'} onClick={() => toggle('consult')} />
          </>
        )}
        <HangUpButton callId={call.id} />
      </div>
      {consult && (
        <div className="call-actions call-consult-actions">
          <button type="button" className="primary" onClick={() => completeTransfer(consult, call.id)}>
            <Check className="call-inline-glyph" aria-hidden="true" />
            Complete transfer
          </button>
          <BackToCaller consultId={call.id} />
        </div>
      )}
      {drawer === 'keypad' && <DtmfKeypad onDigit={(digit) => sendDtmf(call.id, digit)} />}
      {drawer === 'transfer' && (
        <TargetPicker label="Transfer to" action="Transfer now" onSubmit={(to) => blindTransfer(call.id, to)} onCancel={() => toggle(null)} />
      )}
      {drawer === 'consult' && (
        <TargetPicker label="Consult with" action="Call colleague" onSubmit={(to) => startConsult(call.id, to)} onCancel={() => toggle(null)} />
      )}
    </>
  );
}

function BackToCaller({ consultId }: { consultId: string }) {
  const cancelConsult = useRingdesk((s) => s.cancelConsult);
  return (
    <button type="button" onClick={() => cancelConsult(consultId)} title="Hang up on the colleague and resume the caller">
      <Undo2 className="call-inline-glyph" aria-hidden="true" />
      Back to caller
    </button>
  );
}
