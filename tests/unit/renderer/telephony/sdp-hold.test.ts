import { describe, expect, it } from 'vitest';
import { audioDirection, offerPutsUsOnHold } from '../../../../renderer/telephony/sdp-hold';

const sdp = (...lines: string[]): string => ['v=0', 'o=- 1 1 IN IP4 10.0.0.1', 's=-', 't=0 0', ...lines, ''].join('\r\n');

describe('reading hold out of the peer’s offer', () => {
  it('sendonly or inactive on the audio stream is hold; sendrecv and recvonly are not', () => {
    expect(offerPutsUsOnHold(sdp('c=IN IP4 10.0.0.1', 'm=audio 4000 RTP/AVP 0', 'a=sendonly'))).toBe(true);
    expect(offerPutsUsOnHold(sdp('c=IN IP4 10.0.0.1', 'm=audio 4000 RTP/AVP 0', 'a=inactive'))).toBe(true);
    expect(offerPutsUsOnHold(sdp('c=IN IP4 10.0.0.1', 'm=audio 4000 RTP/AVP 0', 'a=sendrecv'))).toBe(false);
    expect(offerPutsUsOnHold(sdp('c=IN IP4 10.0.0.1', 'm=audio 4000 RTP/AVP 0', 'a=recvonly'))).toBe(false);
  });

  it('no direction means sendrecv; a session-level direction applies unless the stream has its own', () => {
    expect(audioDirection(sdp('m=audio 4000 RTP/AVP 0'))).toBe('sendrecv');
    expect(offerPutsUsOnHold(sdp('a=sendonly', 'm=audio 4000 RTP/AVP 0'))).toBe(true);
    expect(offerPutsUsOnHold(sdp('a=sendonly', 'm=audio 4000 RTP/AVP 0', 'a=sendrecv'))).toBe(false);
  });

  it('the old RFC 2543 form (connection address 0.0.0.0) is hold', () => {
    expect(offerPutsUsOnHold(sdp('c=IN IP4 0.0.0.0', 'm=audio 4000 RTP/AVP 0'))).toBe(true);
    expect(offerPutsUsOnHold(sdp('m=audio 4000 RTP/AVP 0', 'c=IN IP4 0.0.0.0'))).toBe(true);
  });

  it('only the first audio stream counts; video and rejected streams are ignored', () => {
    expect(offerPutsUsOnHold(sdp('m=video 5000 RTP/AVP 96', 'a=inactive', 'm=audio 4000 RTP/AVP 0', 'a=sendrecv'))).toBe(false);
    expect(offerPutsUsOnHold(sdp('m=audio 0 RTP/AVP 0', 'a=inactive', 'm=audio 4000 RTP/AVP 0', 'a=sendonly'))).toBe(true);
    expect(offerPutsUsOnHold(sdp('m=video 5000 RTP/AVP 96', 'a=sendonly'))).toBe(false);
    expect(audioDirection('')).toBeNull();
  });

  it('accepts bare \\n line ends', () => {
    expect(offerPutsUsOnHold('v=0\nm=audio 4000 RTP/AVP 0\na=sendonly\n')).toBe(true);
  });
});
