/**
 * Reading hold out of an SDP offer (RFC 3264 §8.4, RFC 6337 §5.3). Plain
 * text in, boolean out: the sip.js adapter uses it on every re-INVITE the
 * peer sends, so the agent sees "on hold" when the other side holds.
 */

export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

const DIRECTIONS = new Set<string>(['sendrecv', 'sendonly', 'recvonly', 'inactive']);

/**
 * True when an offer puts us on hold: its audio stream is `sendonly` or
 * `inactive` (the offerer will not listen to us), or it uses the old RFC 2543
 * form, a connection address of 0.0.0.0. An SDP without audio is no hold.
 */
export function offerPutsUsOnHold(sdp: string): boolean {
  const audio = audioSection(sdp);
  if (!audio) return false;
  const direction = audio.direction ?? audio.sessionDirection ?? 'sendrecv';
  if (direction === 'sendonly' || direction === 'inactive') return true;
  const connection = audio.connection ?? audio.sessionConnection;
  return connection !== undefined && /^IN IP4 0\.0\.0\.0(\/|$)/.test(connection);
}

/** The direction of the first audio stream, or null when there is none. */
export function audioDirection(sdp: string): MediaDirection | null {
  const audio = audioSection(sdp);
  if (!audio) return null;
  return audio.direction ?? audio.sessionDirection ?? 'sendrecv';
}

interface AudioSection {
  direction?: MediaDirection;
  sessionDirection?: MediaDirection;
  connection?: string;
  sessionConnection?: string;
}

function audioSection(sdp: string): AudioSection | null {
  const lines = sdp.split(/\r?\n/);
  const section: AudioSection = {};
  let where: 'session' | 'audio' | 'other' = 'session';
  let found = false;
  for (const line of lines) {
    if (line.startsWith('m=')) {
      if (found) break; // only the first audio stream counts
      where = line.startsWith('m=audio ') && !/^m=audio 0 /.test(line) ? 'audio' : 'other';
      found = where === 'audio';
      continue;
    }
    if (where === 'other') continue;
    const direction = /^a=(\w+)\s*$/.exec(line)?.[1];
    if (direction && DIRECTIONS.has(direction)) {
      if (where === 'session') section.sessionDirection = direction as MediaDirection;
      else section.direction = direction as MediaDirection;
    } else if (line.startsWith('c=')) {
      if (where === 'session') section.sessionConnection = line.slice(2).trim();
      else section.connection = line.slice(2).trim();
    }
  }
  return found ? section : null;
}
