/**
 * When an offer or answer may go out without waiting for ICE gathering to
 * finish. Stock sip.js waits for gathering to *complete*: ~130 ms in Chromium
 * even with no ICE servers (the TCP host candidate comes last), and as long as
 * the browser's STUN timeout (seconds) when a STUN/TURN server does not answer.
 *
 * We go once there is a UDP host candidate and one UDP candidate from each
 * kind of server configured (srflx for STUN, relay for TURN), plus
 * {@link ICE_SETTLE_MS} for sibling candidates gathered in the same step
 * (other interfaces, IPv6); or when gathering completes; or at
 * {@link ICE_GATHERING_CAP_MS}, whichever comes first. What is given up:
 * ICE-TCP host candidates (active TCP, useful only towards media servers that
 * offer passive TCP) and, at the cap, srflx/relay candidates from servers
 * slower than that.
 */

/** Longest wait for candidates before an offer/answer goes out anyway, ms. */
export const ICE_GATHERING_CAP_MS = 400;
/** Once the wanted candidates are in, how long to wait for their siblings, ms. */
export const ICE_SETTLE_MS = 20;

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';

/** The candidate types worth waiting for with these ICE servers (host is always wanted). */
export function wantedCandidateTypes(iceServers: ReadonlyArray<{ urls: string | string[] }> | undefined): Set<CandidateType> {
  const wanted = new Set<CandidateType>(['host']);
  for (const server of iceServers ?? []) {
    for (const url of Array.isArray(server.urls) ? server.urls : [server.urls]) {
      const scheme = url.trim().toLowerCase().split(':')[0];
      if (scheme === 'stun' || scheme === 'stuns') wanted.add('srflx');
      if (scheme === 'turn' || scheme === 'turns') wanted.add('relay');
    }
  }
  return wanted;
}

/** True once every wanted type has been seen (among UDP candidates). */
export function enoughCandidates(wanted: ReadonlySet<CandidateType>, seen: ReadonlySet<CandidateType>): boolean {
  for (const type of wanted) if (!seen.has(type)) return false;
  return true;
}

/**
 * The type of a UDP candidate ("candidate:1 1 udp 2122… 10.0.0.2 5000 typ host …"),
 * or null for TCP candidates and anything unreadable.
 */
export function udpCandidateType(candidate: string): CandidateType | null {
  const match = /^(?:a=)?candidate:\S+ \d+ (\w+) \d+ \S+ \d+ typ (host|srflx|prflx|relay)\b/i.exec(candidate.trim());
  if (!match || match[1]?.toLowerCase() !== 'udp') return null;
  return match[2] as CandidateType;
}

/** The UDP candidate types already present in an SDP. */
export function udpCandidateTypesIn(sdp: string | undefined): Set<CandidateType> {
  const types = new Set<CandidateType>();
  for (const line of (sdp ?? '').split(/\r?\n/)) {
    const type = line.startsWith('a=candidate:') ? udpCandidateType(line) : null;
    if (type) types.add(type);
  }
  return types;
}
