import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectCalls } from '../../store/selectors';
import { CallPanel } from './CallPanel';
import { useRingingShortcuts } from './use-ringing-shortcuts';
import './call.css';

/** Every call, ringing, active, held or just ended: shown whatever tab is open. */
export function CallList({ variant = 'full' }: { variant?: 'full' | 'compact' }) {
  const calls = useRingdesk(selectCalls);
  useRingingShortcuts();
  if (calls.length === 0) return null;
  return (
    <div className={`calls calls-${variant}`} aria-label="Calls" role="region">
      {calls.map((call) => (
        <CallPanel key={call.id} call={call} />
      ))}
    </div>
  );
}
