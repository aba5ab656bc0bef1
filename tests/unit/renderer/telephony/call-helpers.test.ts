import { describe, expect, it } from 'vitest';
import { dtmfDigits, dtmfRelayBody } from '../../../../renderer/telephony/dtmf';
import { enoughCandidates, udpCandidateType, udpCandidateTypesIn, wantedCandidateTypes } from '../../../../renderer/telephony/ice-gathering';
import { sipfragStatus, transferProgress } from '../../../../renderer/telephony/transfer-progress';

describe('DTMF digits', () => {
  it('keeps 0-9 * # A-D (upper-cased) and drops anything else', () => {
    expect(dtmfDigits('12a#x*D 9')).toBe('12A#*D9');
    expect(dtmfDigits('')).toBe('');
  });

  it('a SIP INFO carries one digit as Signal/Duration', () => {
    expect(dtmfRelayBody('5')).toBe('Signal=5\r\nDuration=160');
    expect(dtmfRelayBody('#', 250)).toBe('Signal=#\r\nDuration=250');
  });
});

describe('when enough ICE candidates are in to send the offer', () => {
  it('wants a server-reflexive candidate per STUN server and a relay one per TURN server', () => {
    expect([...wantedCandidateTypes([])]).toEqual(['host']);
    expect([...wantedCandidateTypes(undefined)]).toEqual(['host']);
    expect([...wantedCandidateTypes([{ urls: 'stun:127.0.0.1:3479' }])].sort()).toEqual(['host', 'srflx']);
    expect([...wantedCandidateTypes([{ urls: ['turns:t.example.com:443?transport=tcp', 'stun:s.example.com'] }])].sort()).toEqual(['host', 'relay', 'srflx']);
  });

  it('goes as soon as a host candidate and every server kind are in', () => {
    const stun = wantedCandidateTypes([{ urls: 'stun:x' }]);
    expect(enoughCandidates(stun, new Set(['host']))).toBe(false);
    expect(enoughCandidates(stun, new Set(['host', 'srflx']))).toBe(true);
    expect(enoughCandidates(stun, new Set(['srflx']))).toBe(false);
    expect(enoughCandidates(wantedCandidateTypes([]), new Set(['host']))).toBe(true);
    expect(enoughCandidates(wantedCandidateTypes([]), new Set())).toBe(false);
  });

  it('counts UDP candidates only (a TCP host candidate comes late and rarely matters)', () => {
    expect(udpCandidateType('candidate:1 1 udp 2122260223 127.0.0.1 41818 typ host generation 0')).toBe('host');
    expect(udpCandidateType('candidate:2 1 UDP 1686 1.2.3.4 6000 typ srflx raddr 127.0.0.1 rport 5000')).toBe('srflx');
    expect(udpCandidateType('candidate:3 1 udp 41 5.6.7.8 7000 typ relay raddr 1.2.3.4 rport 6000')).toBe('relay');
    expect(udpCandidateType('candidate:4 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active')).toBeNull();
    expect(udpCandidateType('a=candidate:5 1 udp 2122 abc.local 5000 typ host')).toBe('host');
    expect(udpCandidateType('garbage')).toBeNull();
    const sdp = 'm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=candidate:1 1 udp 2122 127.0.0.1 5000 typ host generation 0\r\na=candidate:2 1 tcp 1518 127.0.0.1 9 typ host tcptype active\r\na=candidate:3 1 udp 1686 1.2.3.4 6000 typ srflx raddr 127.0.0.1 rport 5000\r\n';
    expect([...udpCandidateTypesIn(sdp)].sort()).toEqual(['host', 'srflx']);
    expect(udpCandidateTypesIn(undefined).size).toBe(0);
  });
});

describe('transfer progress from a NOTIFY', () => {
  it('reads the sipfrag status line', () => {
    expect(sipfragStatus('SIP/2.0 200 OK')).toBe(200);
    expect(sipfragStatus('SIP/2.0 180 Ringing\r\n')).toBe(180);
    expect(sipfragStatus('hello')).toBeNull();
    expect(sipfragStatus(undefined)).toBeNull();
  });

  it('1xx is still trying, 2xx succeeded, 3xx–6xx failed; no status line changes nothing', () => {
    expect(transferProgress('SIP/2.0 100 Trying')).toBe('trying');
    expect(transferProgress('SIP/2.0 200 OK')).toBe('succeeded');
    expect(transferProgress('SIP/2.0 486 Busy Here')).toBe('failed');
    expect(transferProgress('SIP/2.0 302 Moved')).toBe('failed');
    expect(transferProgress('')).toBe('trying');
  });
});
