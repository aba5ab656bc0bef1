import { describe, expect, it } from 'vitest';
import { engineReportSchema } from '../../../../common/schemas/engine';
import {
  classifyRegisterRejection,
  describeBadSettings,
  describeConnectFailure,
  describeConnectionLost,
  describeIntervalRefused,
  describeSilentDrop,
  describeUnresponsive,
  parseRetryAfter,
  type RegisterFailure,
} from '../../../../renderer/telephony/registration-failure';

const context = { expectedRealm: 'pbx.example.com' };

describe('classifying a failed REGISTER', () => {
  it.each([401, 403, 407])('a %i from the server is a credentials problem the agent must fix', (statusCode) => {
    const failure = classifyRegisterRejection({ statusCode, reasonPhrase: 'Forbidden', fromServer: true }, context);
    expect(failure).toEqual({ cause: 'auth', statusCode, detail: { code: 'auth.rejected', reason: 'Forbidden' } });
  });

  it('names both realms when the server challenges for another realm than the password was set up for', () => {
    const failure = classifyRegisterRejection({ statusCode: 401, fromServer: true, challengeRealm: 'asterisk' }, context);
    expect(failure).toEqual({ cause: 'auth', statusCode: 401, detail: { code: 'auth.realm-mismatch', realm: 'asterisk', expectedRealm: 'pbx.example.com' } });
  });

  it('a matching realm is not called a realm problem', () => {
    const failure = classifyRegisterRejection({ statusCode: 401, fromServer: true, challengeRealm: 'pbx.example.com' }, context);
    expect(failure.detail).toEqual({ code: 'auth.rejected' });
  });

  it.each([404, 480, 500, 503, 606])('a %i from the server is a server failure with its status code and reason phrase', (statusCode) => {
    expect(classifyRegisterRejection({ statusCode, reasonPhrase: 'Because', fromServer: true }, context)).toEqual({
      cause: 'server',
      statusCode,
      detail: { code: 'server.refused', reason: 'Because' },
    });
  });

  it('a redirect is a server failure (sip.js does not follow it)', () => {
    expect(classifyRegisterRejection({ statusCode: 302, fromServer: true }, context)).toEqual({ cause: 'server', statusCode: 302, detail: { code: 'server.redirect' } });
  });

  it("sip.js's own 408 (no answer before Timer F) is a timeout without a status code", () => {
    const failure = classifyRegisterRejection({ statusCode: 408, fromServer: false }, context);
    expect(failure).toEqual({ cause: 'timeout', detail: { code: 'timeout.no-answer' } });
  });

  it("a server's 408 is a timeout that keeps the status code", () => {
    expect(classifyRegisterRejection({ statusCode: 408, fromServer: true }, context)).toEqual({ cause: 'timeout', statusCode: 408, detail: { code: 'timeout.server' } });
  });

  it("sip.js's own 503 (the transport failed) is a network failure, not a server one", () => {
    expect(classifyRegisterRejection({ statusCode: 503, fromServer: false }, context)).toEqual({ cause: 'network', detail: { code: 'network.lost' } });
  });

  it('keeps remote reason phrases and realms short and on one line', () => {
    const evil = `Oops\r\nX-Evil: 1${'x'.repeat(400)}`;
    const refused = classifyRegisterRejection({ statusCode: 500, reasonPhrase: evil, fromServer: true }, context);
    const challenged = classifyRegisterRejection({ statusCode: 401, fromServer: true, challengeRealm: evil }, context);
    const texts = [refused.detail && 'reason' in refused.detail ? refused.detail.reason : '', challenged.detail && 'realm' in challenged.detail ? challenged.detail.realm : ''];
    for (const text of texts.map(String)) {
      expect(text).toMatch(/^Oops {2}X-Evil/);
      expect(text).not.toMatch(/[\r\n]/);
      expect(text.length).toBeLessThanOrEqual(200);
    }
  });
});

describe('describing connection problems', () => {
  it('says how long we tried when we gave up', () => {
    expect(describeConnectFailure()).toEqual({ cause: 'network', detail: { code: 'network.unreachable' } });
    expect(describeConnectFailure(5)).toEqual({ cause: 'network', detail: { code: 'network.unreachable', withinSec: 5 } });
  });

  it('a lost connection is a network failure', () => {
    expect(describeConnectionLost()).toEqual({ cause: 'network', detail: { code: 'network.lost' } });
  });

  it('an expired registration is a timeout; an unusable 200 OK is a server problem', () => {
    expect(describeSilentDrop(true)).toEqual({ cause: 'timeout', detail: { code: 'registration.expired' } });
    expect(describeSilentDrop(false)).toEqual({ cause: 'server', detail: { code: 'registration.contact-missing' } });
  });

  it("passes on sip.js's complaint about the settings as a bounded parameter", () => {
    expect(describeBadSettings(new Error('not a sip address'))).toEqual({ cause: 'auth', detail: { code: 'account.unusable', problem: 'not a sip address' } });
    expect(describeBadSettings(new Error(''))).toEqual({ cause: 'auth', detail: { code: 'account.unusable' } });
  });

  it('bounds the numbers sip.js parsed from the server (a Min-Expires may be anything)', () => {
    expect(describeIntervalRefused(Number.NaN, 600).detail).toEqual({ code: 'server.interval-too-brief', minExpiresSec: 0, sentExpiresSec: 600 });
    expect(describeIntervalRefused(1e12, 600).detail).toMatchObject({ minExpiresSec: 4_294_967_295 });
  });

  it('never produces a failure the report schema would refuse', () => {
    const long = 'x'.repeat(5_000);
    const failures: RegisterFailure[] = [
      describeConnectFailure(1e12),
      describeUnresponsive(40),
      describeIntervalRefused(-1, 1e12),
      describeBadSettings(new Error(long)),
      classifyRegisterRejection({ statusCode: 403, reasonPhrase: long, fromServer: true, challengeRealm: long }, { expectedRealm: long }),
      classifyRegisterRejection({ statusCode: 503, reasonPhrase: '\u0007\u0000', fromServer: true, retryAfterSec: 30 }, context),
    ];
    for (const failure of failures) expect(engineReportSchema.safeParse({ state: 'failed', ...failure }).success).toBe(true);
  });
});

describe('a server asking us to wait (Retry-After)', () => {
  it.each([
    ['30', 30],
    ['120 (I am in a meeting)', 120],
    ['18000;duration=3600', 18000],
    [' 7 ', 7],
    ['0', 0],
  ])('reads "%s" as %i seconds', (header, seconds) => {
    expect(parseRetryAfter(header)).toBe(seconds);
  });

  it.each([undefined, '', 'soon', '-5', '1.5', 'Tue, 01 Dec 2026 10:00:00 GMT'])('ignores %j', (header) => {
    expect(parseRetryAfter(header)).toBeUndefined();
  });

  it('bounds an absurd value at a day', () => {
    expect(parseRetryAfter('9999999999')).toBe(86_400);
  });

  it('is passed on with 500, 503 and 480 from the server, never with a failure sip.js made up', () => {
    for (const statusCode of [500, 503, 480]) {
      expect(classifyRegisterRejection({ statusCode, fromServer: true, retryAfterSec: 30 }, context)).toMatchObject({ cause: 'server', statusCode, retryAfterSec: 30 });
    }
    expect(classifyRegisterRejection({ statusCode: 503, fromServer: false, retryAfterSec: 30 }, context)).not.toHaveProperty('retryAfterSec');
  });
});
