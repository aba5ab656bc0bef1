import type { Presence } from '../../../common/schemas/presence';

/**
 * A coloured dot whose shape also differs per presence (ring for Away, bar
 * for Do Not Disturb, hollow for Offline), so it reads without colour.
 */
export function PresenceDot({ presence }: { presence: Presence }) {
  return <span className={`presence-dot presence-dot-${presence}`} aria-hidden="true" />;
}
