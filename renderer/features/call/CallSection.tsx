import type { ReactNode } from 'react';
import type { CallSnapshot } from '../../../common/schemas/call';

/**
 * The landmark every call is drawn in, as a card or a row: named "Call
 * with …", and marked with the call's id and state for the tests and the
 * stylesheet.
 */
export function CallSection({ call, title, layout, children }: { call: CallSnapshot; title: string; layout: 'card' | 'row'; children: ReactNode }) {
  return (
    <section
      className={`call-panel call-${layout} call-${call.state}${call.held ? ' call-held' : ''}`}
      data-testid="call-panel"
      data-call-id={call.id}
      data-call-state={call.state}
      aria-label={`Call with ${title}`}
    >
      {children}
    </section>
  );
}
