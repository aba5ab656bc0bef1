import { describe, expect, it } from 'vitest';
import { checkWebSocketUrl, parseSipIdentity } from '../../../common/sip-address';

describe('a WebSocket server address', () => {
  it.each(['wss://pbx.example.com:8089/ws', 'WSS://PBX.example.com', 'wss://10.0.0.5/ws?x=1', 'wss://[2001:db8::1]:8089/ws', 'ws://127.0.0.1:8080', 'ws://localhost:5066/ws', 'ws://[::1]:8080'])(
    'accepts %s',
    (url) => {
      expect(checkWebSocketUrl(url)).toBeNull();
    },
  );

  it.each([
    ['ws://pbx.example.com:8080', 'ws-server-insecure'],
    ['ws://192.168.1.10/ws', 'ws-server-insecure'],
    ['http://pbx.example.com', 'ws-server-scheme'],
    ['sip:pbx.example.com', 'ws-server-not-a-url'],
    ['pbx.example.com:8089', 'ws-server-not-a-url'],
    ['wss://', 'ws-server-not-a-url'],
    ['wss://pbx example.com', 'ws-server-not-a-url'],
    ['wss://pbx.example.com:99999/ws', 'ws-server-not-a-url'],
    ['wss://user@pbx.example.com', 'ws-server-not-a-url'],
    ['ws://localhost.attacker.example', 'ws-server-insecure'],
  ] as const)('refuses %s (%s)', (url, problem) => {
    expect(checkWebSocketUrl(url)).toBe(problem);
  });
});

describe('a SIP identity', () => {
  it('splits user and host, lower-casing the host', () => {
    expect(parseSipIdentity('sip:1001@PBX.example.com:5060')).toEqual({ user: '1001', host: 'pbx.example.com' });
    expect(parseSipIdentity('1001')).toEqual({ user: '1001', host: null });
  });

  it('refuses what is no SIP user', () => {
    expect(parseSipIdentity('not a user@')).toBeNull();
    expect(parseSipIdentity('@pbx.example.com')).toBeNull();
  });
});
