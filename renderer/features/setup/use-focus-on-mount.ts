import { useEffect, useRef } from 'react';

/**
 * A ref whose element takes focus when it first appears. Each first-run step
 * replaces the one whose button was just pressed; without this, focus would
 * fall back to the page and a keyboard or screen-reader user would be lost.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
