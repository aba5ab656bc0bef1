import { formatHistoryClock, historyDayLabel } from '../../domain/history-format';

/**
 * The Team area's banner while the workspace is unreachable and main's kept
 * copy is shown: "Offline — showing the team as of 14:05", or "as of
 * yesterday at 14:05" / "as of Monday 30 November at 14:05" for an older
 * copy (one kept before a restart). `zone` defaults to the computer's.
 */
export function teamOfflineAsOfText(asOf: number, now: number, zone = 'system'): string {
  const day = historyDayLabel(asOf, now, zone);
  const clock = formatHistoryClock(asOf, zone);
  const when = day === 'Today' ? clock : `${day === 'Yesterday' ? 'yesterday' : day} at ${clock}`;
  return `Offline — showing the team as of ${when}. Changes can't be saved until the workspace is back.`;
}
