import { ChevronDown, Check } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { presenceSchema, type Presence } from '../../../common/schemas/presence';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectPresence } from '../../store/selectors';
import { PRESENCE_HINTS, PRESENCE_LABELS } from './presence-text';
import { PresenceDot } from './PresenceDot';

const CHOICES = presenceSchema.options;

/**
 * The agent's presence as a coloured dot and a word, one click to change:
 * a menu button (WAI-ARIA menu with radio items). It shows main's presence;
 * a choice asks main, and the button follows main's answer, so a refused
 * change never shows as made.
 */
export function PresenceMenu() {
  const id = useId();
  const presence = useRingdesk(selectPresence);
  const setPresence = useRingdesk((s) => s.setPresence);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const root = useRef<HTMLDivElement>(null);

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (value: Presence) => {
    close(true);
    if (value !== presence) void setPresence(value);
  };

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  // A click anywhere else closes the menu, like every native menu.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? CHOICES.indexOf(presence) : CHOICES.length - 1);
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const last = CHOICES.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(moves[event.key]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="presence-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className={`presence-button presence-${presence}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={`Presence: ${PRESENCE_LABELS[presence]}`}
        data-presence={presence}
        data-testid="presence-button"
        onClick={() => (open ? close(false) : openAt(CHOICES.indexOf(presence)))}
        onKeyDown={onButtonKey}
      >
        <PresenceDot presence={presence} />
        <span className="presence-label">{PRESENCE_LABELS[presence]}</span>
        <ChevronDown className="icon-sm" aria-hidden="true" />
      </button>
      {open && (
        <div id={`${id}-menu`} role="menu" aria-label="Presence" className="presence-options" onKeyDown={onMenuKey}>
          {CHOICES.map((value, index) => (
            <button
              key={value}
              ref={(el) => {
                items.current[index] = el;
              }}
              type="button"
              role="menuitemradio"
              aria-checked={value === presence}
              tabIndex={index === active ? 0 : -1}
              aria-labelledby={`${id}-${value}-label`}
              aria-describedby={`${id}-${value}-hint`}
              className="presence-option"
              onClick={() => choose(value)}
            >
              <PresenceDot presence={value} />
              <span className="presence-option-text">
                <span id={`${id}-${value}-label`} className="presence-option-label">{PRESENCE_LABELS[value]}</span>
                <span id={`${id}-${value}-hint`} className="presence-option-hint">{PRESENCE_HINTS[value]}</span>
              </span>
              {value === presence && <Check className="icon-sm" aria-hidden="true" />}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
