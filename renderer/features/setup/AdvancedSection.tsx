import { ChevronDown, ChevronRight } from 'lucide-react';
import { useId, type ReactNode } from 'react';

interface Props {
  expanded: boolean;
  /** Something inside needs fixing, so the section cannot be folded away. */
  held: boolean;
  onToggle: () => void;
  children: ReactNode;
}

/**
 * The settings few accounts need, folded under "Advanced". A button with
 * aria-expanded rather than <details>: the form decides when it opens (a
 * value or a problem inside), which a native toggle would fight.
 */
export function AdvancedSection({ expanded, held, onToggle, children }: Props) {
  const id = useId();
  const Chevron = expanded ? ChevronDown : ChevronRight;
  return (
    <div className="setup-advanced">
      <button
        type="button"
        className="setup-advanced-toggle"
        aria-expanded={expanded}
        aria-controls={id}
        aria-describedby={`${id}-hint`}
        onClick={onToggle}
      >
        <Chevron className="setup-advanced-chevron" aria-hidden />
        Advanced
      </button>
      <p id={`${id}-hint`} className="field-hint">
        {held ? 'Open because a field in it needs fixing' : 'Auth user, realm and ICE servers, only if your administrator gave you these'}
      </p>
      <div id={id} className="setup-advanced-body" hidden={!expanded}>
        {children}
      </div>
    </div>
  );
}
