import { describe, expect, it } from 'vitest';
import { failureDetailSchema, type FailureDetail } from '../../../../../common/schemas/engine';
import type { RegistrationFailure } from '../../../../../common/schemas/registration';
import { deriveReachability } from '../../../../../main/domain/reachability';
import { reachabilityText } from '../../../../../renderer/features/reachability/reachability-text';

const SERVER = 'wss://pbx.example.com:8089/ws';

/** What an agent should never have to read: addresses, status codes, protocol names. */
const TECHNICAL = /wss?:|\b\d{3}\b|RFC|WebSocket|\bSIP\b|\bREGISTER\b|realm/i;

const reconnecting = (failure: RegistrationFailure) => deriveReachability('available', { status: 'reconnecting', attempt: 1, nextAttemptAt: 0, ...failure }, SERVER);

describe("the window's words for whether calls ring", () => {
  it('says the phone system cannot be reached, with the live countdown, and keeps the address for Details', () => {
    const r = reconnecting({ cause: 'network', detail: { code: 'network.lost' } });
    expect(reachabilityText(r, 8).headline).toBe("Can't reach your phone system — retrying in 8 s");
    expect(reachabilityText(r, 0).headline).toBe("Can't reach your phone system — retrying now");
    expect(reachabilityText(r).detail).toBe('Calls will not ring until Ringdesk gets through. It keeps trying by itself.');
    expect(reachabilityText(r).technical).toEqual([
      { label: 'Server', value: SERVER },
      { label: 'What happened', value: `Lost the connection to ${SERVER}.` },
      { label: 'Failure code', value: 'network · network.lost' },
    ]);
  });

  it('puts a server error in plain words and its status code under Details', () => {
    const r = reconnecting({ cause: 'server', statusCode: 503, detail: { code: 'server.refused', reason: 'Service Unavailable' } });
    const text = reachabilityText(r, 30);
    expect(text.headline).toBe('Your phone system has a problem — retrying in 30 s');
    expect(text.technical).toContainEqual({ label: 'Status', value: '503 Service Unavailable' });
    expect(text.technical).toContainEqual({ label: 'What happened', value: 'The phone server has a problem (503 Service Unavailable).' });
  });

  it('tells a wrong password apart, with the fix, and the code only in Details', () => {
    const r = deriveReachability('available', { status: 'failed', cause: 'auth', statusCode: 403 }, SERVER);
    const text = reachabilityText(r);
    expect(text.headline).toBe("Can't sign in to your phone system");
    expect(text.detail).toBe('Wrong user name or password. Calls will not ring until they are corrected in your account.');
    expect(text.technical).toContainEqual({ label: 'Status', value: '403' });
    expect(text.technical).toContainEqual({ label: 'What happened', value: expect.stringContaining('Wrong user name or password (403)') });
  });

  it('sends the agent to the admin for a realm mismatch, with the realms in Details', () => {
    const r = deriveReachability('available', { status: 'failed', cause: 'auth', statusCode: 401, detail: { code: 'auth.realm-mismatch', realm: 'asterisk', expectedRealm: 'pbx', reason: 'Unauthorized' } }, SERVER);
    const text = reachabilityText(r);
    expect(text.detail).toContain('your administrator can fix them (see Details)');
    expect(text.technical).toContainEqual({ label: 'What happened', value: expect.stringContaining('Set Realm to "asterisk"') });
  });

  it('names no server, code or protocol in the agent’s words, whatever went wrong', () => {
    const details: Array<FailureDetail | undefined> = [
      undefined,
      ...failureDetailSchema.options.map((option) =>
        failureDetailSchema.parse({ code: option.shape.code.value, withinSec: 5, silentForSec: 35, minExpiresSec: 900, sentExpiresSec: 600, realm: 'a', expectedRealm: 'b', reason: 'Service Unavailable', problem: 'Invalid URI' }),
      ),
    ];
    for (const detail of details) {
      for (const cause of ['auth', 'network', 'server', 'timeout'] as const) {
        for (const statusCode of [undefined, 404, 423, 503]) {
          const failure = { cause, ...(statusCode ? { statusCode } : {}), ...(detail ? { detail } : {}) };
          for (const view of [{ status: 'reconnecting', attempt: 2, nextAttemptAt: 0, ...failure }, { status: 'failed', ...failure }] as const) {
            const text = reachabilityText(deriveReachability('available', view, SERVER), 8);
            expect(`${text.headline} ${text.detail}`.replace('8 s', '')).not.toMatch(TECHNICAL);
            expect(text.technical[0]).toEqual({ label: 'Server', value: SERVER });
          }
        }
      }
    }
  });

  it('has agent words for every state the phone can be in, and Details only where there is more to tell', () => {
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
        expect(`${text.headline} ${text.detail}`).not.toMatch(TECHNICAL);
      }
    }
    const connecting = reachabilityText(deriveReachability('available', { status: 'registering' }, SERVER));
    expect(connecting).toEqual({ headline: 'Connecting to your phone system…', detail: 'Calls will ring once the phone is connected.', technical: [{ label: 'Server', value: SERVER }] });
    expect(reachabilityText(deriveReachability('available', { status: 'offline' }, SERVER)).technical).toEqual([]);
  });
});
