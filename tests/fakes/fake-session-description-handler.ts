import type { Session, SessionDescriptionHandler, SessionDescriptionHandlerModifier, SessionDescriptionHandlerFactory, Web } from 'sip.js';

/*
 * A media handler without WebRTC, for the sip.js engine's unit tests (sip.js's
 * `sessionDescriptionHandlerFactory` option). It writes a small audio SDP whose
 * direction follows the web handler's `hold` option, runs sip.js modifiers on
 * it, and records what the calls code asked of it: options, remote SDPs,
 * DTMF, mute/hold on the tracks, close().
 */

export class FakeSessionDescriptionHandler implements SessionDescriptionHandler {
  readonly offers: Array<{ options: Web.SessionDescriptionHandlerOptions | undefined; sdp: string }> = [];
  readonly remoteDescriptions: string[] = [];
  readonly dtmf: string[] = [];
  closed = false;
  /** What setSending/setReceiving last set (the MediaControls the real handler has). */
  sending = true;
  receiving = true;
  onMicrophoneFailed: ((error: unknown) => void) | undefined;
  /** No WebRTC here: an empty stream stand-in and no PeerConnection. */
  readonly remoteMediaStream = Object.assign(new EventTarget(), { getAudioTracks: () => [] }) as unknown as MediaStream;
  readonly peerConnection = undefined;
  /** false: RFC 4733 is not possible (the engine falls back to SIP INFO). */
  canSendDtmf = true;
  private version = 1;

  async getDescription(
    options?: Web.SessionDescriptionHandlerOptions,
    modifiers?: SessionDescriptionHandlerModifier[],
  ): Promise<{ body: string; contentType: string }> {
    if (this.closed) throw new Error('Peer connection closed.');
    const direction = options?.hold ? 'sendonly' : 'sendrecv';
    let description: RTCSessionDescriptionInit = { type: 'offer', sdp: fakeSdp(direction, this.version++) };
    for (const modifier of modifiers ?? []) description = await modifier(description);
    const sdp = description.sdp ?? '';
    this.offers.push({ options, sdp });
    return { body: sdp, contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string): Promise<void> {
    if (this.closed) throw new Error('Peer connection closed.');
    this.remoteDescriptions.push(sdp);
  }

  sendDtmf(tones: string): boolean {
    if (!this.canSendDtmf) return false;
    this.dtmf.push(tones);
    return true;
  }

  close(): void {
    this.closed = true;
  }

  setSending(enabled: boolean): void {
    this.sending = enabled;
  }

  setReceiving(enabled: boolean): void {
    this.receiving = enabled;
  }

  async replaceMicrophone(track: MediaStreamTrack): Promise<void> {
    track.stop();
  }
}

export type FakeSessionDescriptionHandlerFactory = SessionDescriptionHandlerFactory & {
  /** Every handler made, in order. */
  readonly handlers: FakeSessionDescriptionHandler[];
  /** The arguments sip.js called the factory with. */
  readonly calls: Array<[Session, Web.SessionDescriptionHandlerFactoryOptions | undefined]>;
};

export function createFakeSessionDescriptionHandlerFactory(configure?: (handler: FakeSessionDescriptionHandler) => void): FakeSessionDescriptionHandlerFactory {
  const handlers: FakeSessionDescriptionHandler[] = [];
  const calls: Array<[Session, Web.SessionDescriptionHandlerFactoryOptions | undefined]> = [];
  const factory = (session: Session, options?: object): SessionDescriptionHandler => {
    calls.push([session, options as Web.SessionDescriptionHandlerFactoryOptions | undefined]);
    const handler = new FakeSessionDescriptionHandler();
    configure?.(handler);
    handlers.push(handler);
    return handler;
  };
  return Object.assign(factory, { handlers, calls });
}

function fakeSdp(direction: string, version: number): string {
  return [
    'v=0',
    `o=- 1001 ${version} IN IP4 127.0.0.1`,
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 101',
    'a=rtpmap:111 opus/48000/2',
    'a=rtpmap:101 telephone-event/8000',
    `a=${direction}`,
    '',
  ].join('\r\n');
}
