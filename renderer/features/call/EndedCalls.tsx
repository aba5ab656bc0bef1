import { ChevronDown, ChevronUp } from 'lucide-react';
import { useState } from 'react';
import type { CallSnapshot } from '../../../common/schemas/call';
import { endedCallsText } from '../../domain/call-outcome-text';
import { CallRow } from './CallRow';

/**
 * Calls that just ended, until the store drops them: one keeps its outcome
 * line ("Busy", "The other side hung up"); several fold into one line
 * ("3 calls ended") that opens to show each outcome, so a burst of
 * failed calls does not push the live ones away.
 */
export function EndedCalls({ calls }: { calls: CallSnapshot[] }) {
  const [open, setOpen] = useState(false);
  if (calls.length === 0) return null;
  if (calls.length === 1) return <CallRow call={calls[0]!} />;
  const Chevron = open ? ChevronUp : ChevronDown;
  return (
    <div className="call-ended-group">
      <button type="button" className="call-ended-summary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span>{endedCallsText(calls.length)}</span>
        <Chevron className="call-inline-glyph" aria-hidden="true" />
      </button>
      {open && calls.map((call) => <CallRow key={call.id} call={call} />)}
    </div>
  );
}
