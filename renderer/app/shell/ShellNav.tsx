import { useRef, type KeyboardEvent } from 'react';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectIsTeamAdmin, selectOpenView } from '../../store/selectors';
import { ADMIN_VIEWS, VIEWS as EVERYONE_VIEWS } from './views';

/** Ids that tie each navigation tab to the content panel it shows. */
export const tabId = (view: string) => `shell-tab-${view}`;
export const PANEL_ID = 'shell-panel';

/**
 * The sections, always on screen: a bar at the bottom of a narrow window,
 * a column on the left of a wide one. Tabs semantics (WAI-ARIA, automatic
 * activation): Arrow keys move between sections, Tab goes into the content.
 */
export function ShellNav() {
  const view = useRingdesk(selectOpenView);
  const showView = useRingdesk((s) => s.showView);
  const VIEWS = useRingdesk(selectIsTeamAdmin) ? ADMIN_VIEWS : EVERYONE_VIEWS;
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = VIEWS.length - 1;
    const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
    const backward = event.key === 'ArrowLeft' || event.key === 'ArrowUp';
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? last : forward ? (index + 1) % VIEWS.length : backward ? (index + last) % VIEWS.length : -1;
    if (target < 0) return;
    event.preventDefault();
    showView(VIEWS[target]!.id);
    buttons.current[target]?.focus();
  };

  return (
    <nav className="shell-nav" aria-label="Sections">
      <div role="tablist" aria-label="Sections" className="shell-tablist">
        {VIEWS.map(({ id, label, icon: Icon }, index) => (
          <button
            key={id}
            ref={(el) => {
              buttons.current[index] = el;
            }}
            type="button"
            role="tab"
            id={tabId(id)}
            aria-selected={view === id}
            aria-controls={PANEL_ID}
            tabIndex={view === id ? 0 : -1}
            className="shell-tab"
            onClick={() => showView(id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <Icon className="icon-md" aria-hidden="true" />
            <span className="shell-tab-label">{label}</span>
          </button>
        ))}
      </div>
    </nav>
  );
}
