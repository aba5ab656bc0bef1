import { useState } from 'react';
import type { CallSnapshot } from '../../../common/schemas/call';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { AddressForm } from './AddressForm';
import { DtmfKeypad } from './DtmfKeypad';

type Drawer = 'keypad' | 'transfer' | 'consult' | null;

/** The buttons a call has in its state; labels say what a press will do ("Mute" / "Unmute"). */
export function CallControls({ call }: { call: CallSnapshot }) {
  const answer = useRingdesk((s) => s.answer);
  const decline = useRingdesk((s) => s.decline);
  const hangup = useRingdesk((s) => s.hangup);

  if (call.state === 'incoming') {
    return (
      <div className="call-actions">
        <button type="button" className="answer" title="Answer (Enter)" aria-keyshortcuts="Enter" onClick={() => answer(call.id)}>
          Answer
        </button>
        <button type="button" className="decline" title="Decline (Esc)" aria-keyshortcuts="Escape" onClick={() => decline(call.id)}>
          Decline
        </button>
      </div>
    );
  }
  if (call.state === 'active') return <ActiveCallControls call={call} />;
  return (
    <div className="call-actions">
      {call.consultFor && <BackToCaller consultId={call.id} />}
      <button type="button" className="hangup" onClick={() => hangup(call.id)}>
        Hang up
      </button>
    </div>
  );
}

function ActiveCallControls({ call }: { call: CallSnapshot }) {
  const [drawer, setDrawer] = useState<Drawer>(null);
  const hangup = useRingdesk((s) => s.hangup);
  const toggleMute = useRingdesk((s) => s.toggleMute);
  const toggleHold = useRingdesk((s) => s.toggleHold);
  const switchTo = useRingdesk((s) => s.switchTo);
  const sendDtmf = useRingdesk((s) => s.sendDtmf);
  const blindTransfer = useRingdesk((s) => s.blindTransfer);
  const startConsult = useRingdesk((s) => s.startConsult);
  const completeTransfer = useRingdesk((s) => s.completeTransfer);
  const anotherIsTalking = useRingdesk((s) => s.calls.list.some((c) => c.id !== call.id && c.state === 'active' && !c.held));
  const toggle = (which: Drawer) => setDrawer((open) => (open === which ? null : which));
  const consult = call.consultFor;

  return (
    <>
      <div className="call-actions">
        <button type="button" onClick={() => toggleMute(call.id)}>
          {call.muted ? 'Unmute' : 'Mute'}
        </button>
        <button type="button" onClick={() => toggleHold(call.id)}>
          {call.held ? 'Resume' : 'Hold'}
        </button>
        {call.held && anotherIsTalking && (
          <button type="button" onClick={() => switchTo(call.id)} title="Put the other call on hold and talk to this one">
            Switch
          </button>
        )}
        <button type="button" aria-expanded={drawer === 'keypad'} onClick={() => toggle('keypad')}>
          Keypad
        </button>
        {!consult && (
          <>
            <button type="button" aria-expanded={drawer === 'transfer'} onClick={() => toggle('transfer')}>
              Transfer
            </button>
            <button type="button" aria-expanded={drawer === 'consult'} onClick={() => toggle('consult')} title="Talk to a colleague first, then transfer">
              Consult
            </button>
          </>
        )}
        <button type="button" className="hangup" onClick={() => hangup(call.id)}>
          Hang up
        </button>
      </div>
      {consult && (
        <div className="call-actions">
          <button type="button" className="primary" onClick={() => completeTransfer(consult, call.id)}>
            Complete transfer
          </button>
          <BackToCaller consultId={call.id} />
        </div>
      )}
      {drawer === 'keypad' && <DtmfKeypad onDigit={(digit) => sendDtmf(call.id, digit)} />}
      {drawer === 'transfer' && (
        <AddressForm label="Transfer to" action="Transfer now" onSubmit={(to) => blindTransfer(call.id, to)} onCancel={() => setDrawer(null)} />
      )}
      {drawer === 'consult' && (
        <AddressForm label="Consult with" action="Call colleague" onSubmit={(to) => startConsult(call.id, to)} onCancel={() => setDrawer(null)} />
      )}
    </>
  );
}

function BackToCaller({ consultId }: { consultId: string }) {
  const cancelConsult = useRingdesk((s) => s.cancelConsult);
  return (
    <button type="button" onClick={() => cancelConsult(consultId)} title="Hang up on the colleague and resume the caller">
      Back to caller
    </button>
  );
}
