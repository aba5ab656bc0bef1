import { useEffect, useRef } from 'react';

/**
 * A ref whose element takes focus when it first appears. Each first-run step
 * replaces the one whose button was just pressed; without this, focus would
 * fall back to the page and a keyboard or screen-reader user would be lost.
 * `enabled` false leaves focus to a field of the step that takes it itself.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  // Only on mount: `enabled` is read once, as the step appears.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void (enabled && ref.current?.focus()), []);
  return ref;
}
