/**
 * The computer's IANA time zone ("Europe/London"), as the OS reports it, or
 * undefined when it has none — the workspace then uses UTC. A new team's
 * agents start with office hours in this zone.
 */
export function computerTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone.length <= 64 ? zone : undefined;
}
