/**
 * Keeps secrets out of sip.js's log. sip.js hands *every* line to its log
 * connector whatever `logLevel` says (the level only gates its own console
 * printing), including debug traces of whole SIP messages with their
 * `Authorization: Digest … response=…` header and, when configuration logging
 * is on, the options object with the HA1. So the connector filters twice: by
 * level, then by content.
 */

export type SipLogLevel = 'debug' | 'log' | 'warn' | 'error';

/** Where the surviving lines go. */
export type SipLogSink = (level: 'warn' | 'error', line: string) => void;

/** Anything that looks like digest credentials or a challenge. */
const CREDENTIAL_MARKERS = /authorization|authenticate|response\s*=|nonce\s*=|ha1/i;

/** True when the line carries no credential marker and none of the given secrets. */
export function isSafeSipLogLine(line: string, secrets: readonly string[]): boolean {
  if (CREDENTIAL_MARKERS.test(line)) return false;
  const lower = line.toLowerCase();
  return secrets.every((secret) => secret === '' || !lower.includes(secret.toLowerCase()));
}

/**
 * Builds a sip.js `logConnector`: forwards warnings and errors that pass
 * {@link isSafeSipLogLine} to the sink as "[category] text"; drops the rest.
 */
export function createSipLogConnector(
  sink: SipLogSink,
  secrets: readonly string[],
): (level: SipLogLevel, category: string, label: string | undefined, content: unknown) => void {
  return (level, category, _label, content) => {
    if (level !== 'warn' && level !== 'error') return;
    const text = typeof content === 'string' ? content : String(content);
    const line = `[${category}] ${text}`;
    if (!isSafeSipLogLine(line, secrets)) return;
    try {
      sink(level, line);
    } catch {
      // a broken sink must not break the SIP stack
    }
  };
}
