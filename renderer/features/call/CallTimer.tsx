import { formatCallTimer } from '../../domain/call-outcome-text';
import { useTickingNow } from './use-ticking-now';

/** Talk time since the call was answered, "mm:ss", ticking every second. */
export function CallTimer({ answeredAt }: { answeredAt: number }) {
  const now = useTickingNow(true);
  return (
    <span className="call-timer" data-testid="call-timer" role="timer" aria-label="Call duration">
      {formatCallTimer(answeredAt, now)}
    </span>
  );
}
