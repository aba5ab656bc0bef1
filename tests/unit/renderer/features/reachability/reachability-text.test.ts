import { describe, expect, it } from 'vitest';
import { deriveReachability } from '../../../../../main/domain/reachability';
import { reachabilityText } from '../../../../../renderer/features/reachability/reachability-text';

const SERVER = 'wss://pbx.example.com:8089/ws';

describe("the window's words for whether calls ring", () => {
  it('says why and what happens next while reconnecting after a server error', () => {
    const r = deriveReachability('available', { status: 'reconnecting', attempt: 1, nextAttemptAt: 0, cause: 'server', statusCode: 503, detail: { code: 'server.refused', reason: 'Service Unavailable' } }, SERVER);
    expect(reachabilityText(r)).toEqual({
      headline: 'Not reachable: reconnecting',
      detail: 'The phone server has a problem (503 Service Unavailable). Ringdesk keeps trying automatically.',
    });
  });

  it('names the server it cannot reach', () => {
    const r = deriveReachability('available', { status: 'reconnecting', attempt: 1, nextAttemptAt: 0, cause: 'network' }, SERVER);
    expect(reachabilityText(r).detail).toBe(`Cannot reach ${SERVER}. Check the address and your network. Ringdesk keeps trying automatically.`);
  });

  it('tells a wrong password apart, with the fix', () => {
    const r = deriveReachability('available', { status: 'failed', cause: 'auth', statusCode: 403 }, SERVER);
    expect(reachabilityText(r)).toEqual({ headline: 'Not reachable: sign-in failed', detail: expect.stringContaining('Wrong user name or password (403)') });
  });

  it('has words for every state the phone can be in', () => {
    const views = [
      { status: 'no-account' },
      { status: 'offline' },
      { status: 'starting' },
      { status: 'suspended' },
      { status: 'waiting-for-network' },
      { status: 'registering' },
      { status: 'unregistering' },
      { status: 'registered', since: 0 },
    ] as const;
    for (const presence of ['available', 'away', 'dnd'] as const) {
      for (const view of views) {
        const text = reachabilityText(deriveReachability(presence, view, SERVER));
        expect(text.headline.length).toBeGreaterThan(3);
        expect(text.detail.length).toBeGreaterThan(3);
      }
    }
  });
});
