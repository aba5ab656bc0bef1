import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Dialer } from '../dialer/Dialer';
import { TypedDigitsListener } from '../dialer/TypedDigitsListener';
import { HistoryView } from '../history/HistoryView';
import { SettingsView } from '../settings/SettingsView';

const TABS = [
  { id: 'phone', label: 'Phone' },
  { id: 'history', label: 'History' },
  { id: 'settings', label: 'Settings' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/**
 * Phone (dialer), History and Settings. Only the open tab is rendered, so
 * the history is not queried and the microphone meter not running while
 * they are not shown. Calls are not in here: they stay visible on every tab.
 */
export function PhoneTabs() {
  const base = useId();
  const [tab, setTab] = useState<Tab>('phone');
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation).
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : step ? (index + step + TABS.length) % TABS.length : -1;
    if (target < 0) return;
    event.preventDefault();
    setTab(TABS[target]!.id);
    buttons.current[target]?.focus();
  };

  return (
    <div className="phone-tabs">
      <div role="tablist" aria-label="Sections" className="tablist">
        {TABS.map(({ id, label }, index) => (
          <button
            key={id}
            ref={(el) => {
              buttons.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-${id}-tab`}
            aria-selected={tab === id}
            aria-controls={`${base}-${id}-panel`}
            tabIndex={tab === id ? 0 : -1}
            className="tab"
            onClick={() => setTab(id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-${tab}-panel`} aria-labelledby={`${base}-${tab}-tab`} className="tabpanel">
        {tab === 'phone' && <><Dialer /><TypedDigitsListener /></>}
        {tab === 'history' && <HistoryView />}
        {tab === 'settings' && <SettingsView />}
      </div>
    </div>
  );
}
