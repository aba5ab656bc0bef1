import type { ReactNode } from 'react';

interface Props {
  /** The always-visible label, e.g. "Details" or "Advanced". */
  summary: string;
  className?: string;
  /** Told when the reader opens or closes it (e.g. to load what it holds the first time). */
  onToggle?: (open: boolean) => void;
  children: ReactNode;
}

/**
 * Something most people never need to read, folded until asked for: the
 * native <details>, so the open state, Enter/Space and the expanded state
 * read by screen readers come from the browser. The browser keeps it open
 * across re-renders (React never sets `open`), so a banner that updates
 * every second does not snap it shut.
 */
export function Disclosure({ summary, className, onToggle, children }: Props) {
  return (
    <details className={className ? `disclosure ${className}` : 'disclosure'} onToggle={onToggle ? (e) => onToggle(e.currentTarget.open) : undefined}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
