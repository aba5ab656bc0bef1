import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` while `active`. The
 * interval is cleared as soon as it is not needed, so no timer outlives
 * the call that showed it.
 */
export function useTickingNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
