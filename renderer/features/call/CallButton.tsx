import type { LucideIcon } from 'lucide-react';

export type CallButtonLook = 'stacked' | 'inline' | 'icon';

interface CallButtonProps {
  icon: LucideIcon;
  /** The short visible label, which is also the button's accessible name ("Mute", "Hang up"). */
  label: string;
  /** The tooltip: what a press does, when the label alone does not say it. */
  title?: string;
  /** A toggle (Mute, Hold): on while pressed; the label stays the same. */
  pressed?: boolean;
  /** Opens something below (Keypad, Transfer): whether it is open. */
  expanded?: boolean;
  tone?: 'danger' | 'answer' | 'primary';
  /**
   * 'stacked' (the call card): the label under the icon; 'inline': the label
   * beside it (a row's Answer / Decline); 'icon' (a row): the icon alone, the
   * label its accessible name and tooltip.
   */
  look?: CallButtonLook;
  keyShortcuts?: string;
  onClick: () => void;
}

/** One call action: an icon with its label under it (or, in a row, the icon with the label as its name). */
export function CallButton({ icon: Icon, label, title, pressed, expanded, tone, look = 'stacked', keyShortcuts, onClick }: CallButtonProps) {
  const iconOnly = look === 'icon';
  const classes = ['call-btn', `call-btn-${look}`, tone ?? '', pressed ? 'call-btn-on' : ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={classes}
      title={title ?? (iconOnly ? label : undefined)}
      aria-label={iconOnly ? label : undefined}
      aria-pressed={pressed}
      aria-expanded={expanded}
      aria-keyshortcuts={keyShortcuts}
      onClick={onClick}
    >
      <Icon className="call-btn-glyph" aria-hidden="true" />
      {!iconOnly && <span className="call-btn-label">{label}</span>}
    </button>
  );
}
