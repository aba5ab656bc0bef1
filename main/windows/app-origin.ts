/**
 * The phone page's own origin, `ringdesk://app`. Kept apart from
 * app-protocol.ts (which needs Electron) so that pure code — and its unit
 * tests — can know it.
 */
export const APP_SCHEME = 'ringdesk';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
