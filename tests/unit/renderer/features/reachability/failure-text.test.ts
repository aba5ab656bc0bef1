import { describe, expect, it } from 'vitest';
import { failureDetailSchema, type FailureDetail } from '../../../../../common/schemas/engine';
import type { RegistrationFailure } from '../../../../../common/schemas/registration';
import { describeFailure } from '../../../../../renderer/features/reachability/failure-text';

const SERVER = 'wss://pbx.example.com:8089/ws';

describe('the words for a failed registration', () => {
  it('keeps the words of the cause when the detail adds nothing to them', () => {
    expect(describeFailure({ cause: 'auth', statusCode: 401, detail: { code: 'auth.rejected', reason: 'Unauthorized' } }, SERVER)).toBe(
      'Wrong user name or password (401). If your server uses a realm other than the domain, set Realm.',
    );
    expect(describeFailure({ cause: 'network', detail: { code: 'network.unreachable' } }, SERVER)).toBe(
      `Cannot reach ${SERVER}. Check the address and your network.`,
    );
    expect(describeFailure({ cause: 'server', statusCode: 404, detail: { code: 'server.refused', reason: 'Not Found' } }, SERVER)).toBe(
      'The server does not know this SIP user (404). Check the SIP user and domain.',
    );
    expect(describeFailure({ cause: 'server', statusCode: 480, detail: { code: 'server.refused', reason: 'Temporarily Unavailable' } })).toBe(
      'The phone server refused the registration (480 Temporarily Unavailable).',
    );
  });

  it('names both realms, and the fix, when the server wants another realm', () => {
    const failure: RegistrationFailure = { cause: 'auth', statusCode: 401, detail: { code: 'auth.realm-mismatch', realm: 'asterisk', expectedRealm: 'pbx.example.com', reason: 'Unauthorized' } };
    expect(describeFailure(failure, SERVER)).toBe(
      'The server asks for realm "asterisk" but the password was set up for realm "pbx.example.com" (401). Set Realm to "asterisk".',
    );
  });

  it('tells a lost or silent connection apart from one that never opened', () => {
    expect(describeFailure({ cause: 'network', detail: { code: 'network.lost' } }, SERVER)).toBe(`Lost the connection to ${SERVER}.`);
    expect(describeFailure({ cause: 'network', detail: { code: 'network.silent', silentForSec: 35 } }, SERVER)).toBe(
      `${SERVER} stopped answering (nothing heard for 35 s).`,
    );
    expect(describeFailure({ cause: 'network', detail: { code: 'network.unreachable', withinSec: 5 } })).toBe(
      'Cannot reach the phone server within 5 s. Check the address and your network.',
    );
  });

  it('says what the engine could not use in the settings', () => {
    expect(describeFailure({ cause: 'auth', detail: { code: 'account.unusable', problem: 'Invalid URI' } }, SERVER)).toBe(
      'These account settings cannot be used (Invalid URI). Check them and save again.',
    );
  });

  it('has a sentence for every detail code, with and without a server address', () => {
    const samples: FailureDetail[] = failureDetailSchema.options.map((option) => {
      const sample = { code: option.shape.code.value, withinSec: 5, silentForSec: 35, minExpiresSec: 900, sentExpiresSec: 600, realm: 'a', expectedRealm: 'b' };
      return failureDetailSchema.parse(sample);
    });
    for (const detail of samples) {
      for (const cause of ['auth', 'network', 'server', 'timeout'] as const) {
        for (const server of [SERVER, undefined]) {
          const text = describeFailure({ cause, statusCode: 500, detail }, server);
          expect(text).toMatch(/^[A-Zw].{10,}\.$/);
          expect(text).not.toMatch(/undefined|null|\[object/);
        }
      }
    }
  });
});
