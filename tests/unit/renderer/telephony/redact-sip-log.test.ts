import { describe, expect, it, vi } from 'vitest';
import { createSipLogConnector, isSafeSipLogLine } from '../../../../renderer/telephony/redact-sip-log';

const HA1 = '7b1d0f7c1a1e1a8f6d5bd9f5d0c0ffee';

describe('keeping credentials out of the SIP log', () => {
  it.each([
    'Authorization: Digest username="1001", realm="127.0.0.1", nonce="abc", uri="sip:127.0.0.1", response="0123"',
    'Proxy-Authorization: Digest username="1001"',
    'WWW-Authenticate: Digest realm="127.0.0.1", nonce="abc"',
    'something response=0123456789abcdef',
    `· authorizationHa1: "${HA1}"`,
    `the secret ${HA1.toUpperCase()} in capitals`,
  ])('drops %s', (line) => {
    expect(isSafeSipLogLine(line, [HA1])).toBe(false);
  });

  it('keeps ordinary warnings', () => {
    expect(isSafeSipLogLine('Failed to register, status code 404', [HA1])).toBe(true);
    expect(isSafeSipLogLine('WebSocket closed unexpectedly', [''])).toBe(true);
  });

  it('forwards only safe warnings and errors, whatever level sip.js logs at', () => {
    const sink = vi.fn();
    const connector = createSipLogConnector(sink, [HA1]);
    connector('debug', 'sip.Transport', undefined, 'Sending WebSocket message: REGISTER sip:127.0.0.1 SIP/2.0');
    connector('log', 'sip.UserAgent', undefined, 'Starting sip:1001@127.0.0.1');
    connector('warn', 'sip.Registerer', undefined, 'Failed to register, status code 403');
    connector('error', 'sip.Transport', undefined, `REGISTER …\r\nAuthorization: Digest response="${HA1}"`);
    connector('error', 'sip.UserAgent', 'x', 'WebSocket closed ws://127.0.0.1:8080 (code: 1006)');

    expect(sink.mock.calls).toEqual([
      ['warn', '[sip.Registerer] Failed to register, status code 403'],
      ['error', '[sip.UserAgent] WebSocket closed ws://127.0.0.1:8080 (code: 1006)'],
    ]);
  });

  it('a throwing sink does not break the SIP stack', () => {
    const connector = createSipLogConnector(() => {
      throw new Error('sink broke');
    }, []);
    expect(() => connector('warn', 'sip', undefined, 'hello')).not.toThrow();
  });
});
