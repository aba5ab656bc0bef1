import { useEffect, useState } from 'react';

/**
 * The current time, refreshed exactly when the whole-second countdown to
 * `deadline` changes, and no longer after it has passed.
 */
export function useNowUntil(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const remaining = deadline - now;
    if (remaining <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), remaining % 1000 || 1000);
    return () => clearTimeout(timer);
  }, [deadline, now]);
  return now;
}
