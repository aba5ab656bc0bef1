import { originOf } from './sender-trust';

/**
 * Which browser permissions the phone page gets: the microphone (audio
 * only — never the camera or the screen) and notifications, and only for
 * our own origin (why — do not change without a security review).
 *
 * `mediaTypes`: for a permission request, what getUserMedia asked for; for
 * a permission check, Chromium's single guess, which may be 'unknown'.
 */
export function isPermissionAllowed(input: {
  permission: string;
  requestingUrl: string;
  appOrigin: string;
  mediaTypes?: ReadonlyArray<string>;
}): boolean {
  if (originOf(input.requestingUrl) !== input.appOrigin) return false;
  if (input.permission === 'notifications') return true;
  if (input.permission !== 'media') return false;
  const types = input.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'audio' || t === 'unknown');
}
