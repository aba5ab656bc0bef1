import { describe, expect, it } from 'vitest';
import {
  classifyRegisterRejection,
  describeConnectFailure,
  describeConnectionLost,
  describeSilentDrop,
  parseRetryAfter,
} from '../../../../renderer/telephony/registration-failure';

const context = { server: 'wss://pbx.example.com:8089/ws', expectedRealm: 'pbx.example.com' };

describe('classifying a failed REGISTER', () => {
  it.each([401, 403, 407])('a %i from the server is a credentials problem the agent must fix', (statusCode) => {
    const failure = classifyRegisterRejection({ statusCode, fromServer: true }, context);
    expect(failure).toMatchObject({ cause: 'auth', statusCode });
    expect(failure.detail).toContain('user name or password');
  });

  it('names both realms when the server challenges for another realm than the password was set up for', () => {
    const failure = classifyRegisterRejection({ statusCode: 401, fromServer: true, challengeRealm: 'asterisk' }, context);
    expect(failure).toMatchObject({ cause: 'auth', statusCode: 401 });
    expect(failure.detail).toContain('"asterisk"');
    expect(failure.detail).toContain('"pbx.example.com"');
  });

  it('a matching realm is not called a realm problem', () => {
    const failure = classifyRegisterRejection({ statusCode: 401, fromServer: true, challengeRealm: 'pbx.example.com' }, context);
    expect(failure.detail).not.toContain('realm');
  });

  it.each([404, 480, 500, 503, 606])('a %i from the server is a server failure with its status code', (statusCode) => {
    expect(classifyRegisterRejection({ statusCode, reasonPhrase: 'Because', fromServer: true }, context)).toEqual({
      cause: 'server',
      statusCode,
      detail: `The server refused the registration (${statusCode} Because)`,
    });
  });

  it('a redirect is a server failure (sip.js does not follow it)', () => {
    expect(classifyRegisterRejection({ statusCode: 302, fromServer: true }, context)).toMatchObject({ cause: 'server', statusCode: 302 });
  });

  it("sip.js's own 408 (no answer before Timer F) is a timeout without a status code", () => {
    const failure = classifyRegisterRejection({ statusCode: 408, fromServer: false }, context);
    expect(failure).toEqual({ cause: 'timeout', detail: expect.stringContaining(context.server) });
    expect(failure.statusCode).toBeUndefined();
  });

  it("a server's 408 is a timeout that keeps the status code", () => {
    expect(classifyRegisterRejection({ statusCode: 408, fromServer: true }, context)).toMatchObject({ cause: 'timeout', statusCode: 408 });
  });

  it("sip.js's own 503 (the transport failed) is a network failure, not a server one", () => {
    expect(classifyRegisterRejection({ statusCode: 503, fromServer: false }, context)).toEqual({
      cause: 'network',
      detail: `Lost the connection to ${context.server}`,
    });
  });

  it('keeps remote reason phrases short and free of control characters', () => {
    const failure = classifyRegisterRejection({ statusCode: 500, reasonPhrase: `Oops\r\nX-Evil: 1${'x'.repeat(400)}`, fromServer: true }, context);
    expect(failure.detail).not.toMatch(/[\r\n]/);
    expect(failure.detail!.length).toBeLessThanOrEqual(200);
  });
});

describe('describing connection problems', () => {
  it('says which address could not be reached, and how long we tried when we gave up', () => {
    expect(describeConnectFailure('ws://127.0.0.1:8080')).toEqual({ cause: 'network', detail: 'Cannot reach ws://127.0.0.1:8080' });
    expect(describeConnectFailure('ws://127.0.0.1:8080', 5).detail).toBe('Cannot reach ws://127.0.0.1:8080 within 5 s');
  });

  it('a lost connection is a network failure', () => {
    expect(describeConnectionLost('wss://x/ws')).toEqual({ cause: 'network', detail: 'Lost the connection to wss://x/ws' });
  });

  it('an expired registration is a timeout; an unusable 200 OK is a server problem', () => {
    expect(describeSilentDrop('wss://x/ws', true).cause).toBe('timeout');
    expect(describeSilentDrop('wss://x/ws', false).cause).toBe('server');
  });

  it('never produces a detail longer than the report schema allows', () => {
    const long = `wss://${'a'.repeat(600)}.example.com/ws`;
    expect(describeConnectFailure(long).detail!.length).toBeLessThanOrEqual(500);
    expect(classifyRegisterRejection({ statusCode: 403, fromServer: true }, { server: long, expectedRealm: '' }).detail!.length).toBeLessThanOrEqual(500);
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
