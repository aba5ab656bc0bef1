import type { CallSnapshot } from '../../../common/schemas/call';
import { callStateText, transferText } from '../../domain/call-outcome-text';
import { displayNumber } from '../../domain/phone-number';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectDefaultCountry } from '../../store/selectors';
import { CallControls } from './CallControls';
import { CallTimer } from './CallTimer';

/**
 * One call: who, what is happening, for how long, and what the agent can
 * do. An ended call keeps only its outcome ("Busy", "Number not found", …)
 * until the store drops it.
 */
export function CallPanel({ call }: { call: CallSnapshot }) {
  const country = useRingdesk(selectDefaultCountry);
  const number = displayNumber(call.peer.user || call.peer.uri, country);
  // Remote-controlled text (SIP headers): rendered as text, never as markup.
  const name = call.peer.displayName?.trim() || null;
  const ended = call.state === 'ended';
  const transfer = ended ? null : transferText(call);
  return (
    <section
      className={`call-panel call-${call.state}${call.held ? ' call-held' : ''}`}
      data-testid="call-panel"
      data-call-id={call.id}
      data-call-state={call.state}
      aria-label={`Call with ${name ?? number}`}
    >
      <div className="call-summary">
        <div className="call-peer">
          <p className="call-peer-name">{name ?? number}</p>
          {name && <p className="call-peer-number">{number}</p>}
        </div>
        <div className="call-status">
          <p className="call-state" data-testid="call-state" aria-live="polite">
            {callStateText(call)}
          </p>
          {!ended && call.answeredAt !== null && <CallTimer answeredAt={call.answeredAt} />}
        </div>
      </div>
      {call.consultFor && !ended && <p className="call-note">Consultation call — the caller is on hold</p>}
      {transfer && <p className={`call-note${call.transfer?.status === 'failed' ? ' call-note-error' : ''}`}>{transfer}</p>}
      {!ended && <CallControls call={call} />}
    </section>
  );
}
