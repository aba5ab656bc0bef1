import { useMemo } from 'react';
import { callLayout, liveCalls } from '../../domain/call-juggling';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectCalls } from '../../store/selectors';
import { CallDrawersProvider } from './call-drawers';
import { CallPanel } from './CallPanel';
import { CallRow } from './CallRow';
import { EndedCalls } from './EndedCalls';
import { useRingingShortcuts } from './use-ringing-shortcuts';
import './call.css';

/**
 * Every call, ringing, active, held or just ended, in the pinned call area
 * the shell shows above every view.
 *
 * - 'full' (the Phone view): the call in focus as the whole in-call screen;
 *   a call ringing in meanwhile above it (Hold & answer / Decline), held
 *   calls below it, each one line with Switch;
 * - 'compact' (History, Settings): every call as one line, so calls stay
 *   visible and can be answered, muted and hung up from anywhere.
 *
 * Ended calls fold into one line when there are several.
 */
export function CallList({ variant = 'full' }: { variant?: 'full' | 'compact' }) {
  const calls = useRingdesk(selectCalls);
  const layout = useMemo(() => callLayout(calls), [calls]);
  const live = useMemo(() => liveCalls(calls), [calls]);
  const liveIds = useMemo(() => live.map((c) => c.id), [live]);
  useRingingShortcuts();
  if (calls.length === 0) return null;
  const waiting = layout.others.filter((c) => c.state === 'incoming');
  const rest = layout.others.filter((c) => c.state !== 'incoming');
  return (
    <CallDrawersProvider liveCallIds={liveIds}>
      <div className={`calls calls-${variant}`} aria-label="Calls" role="region">
        {variant === 'full' ? (
          <>
            {waiting.map((call) => (
              <CallRow key={call.id} call={call} />
            ))}
            {layout.focused && <CallPanel call={layout.focused} />}
            {rest.map((call) => (
              <CallRow key={call.id} call={call} />
            ))}
          </>
        ) : (
          live.map((call) => <CallRow key={call.id} call={call} />)
        )}
        <EndedCalls calls={layout.ended} />
      </div>
    </CallDrawersProvider>
  );
}
