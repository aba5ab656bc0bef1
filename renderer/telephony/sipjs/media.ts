import type { SessionDescriptionHandler } from 'sip.js';
import { DTMF_GAP_MS, DTMF_TONE_MS } from '../dtmf';
import { RemoteAudio } from '../remote-audio';
import { hasMediaControls } from './session-description-handler';

export interface CallMediaDeps {
  /** Where the <audio> element goes; null where there is no DOM (unit tests). */
  document: Document | null;
  speakerId: string | null;
  /** The media failed for good: the microphone could not be opened, or ICE/DTLS failed. */
  onFailure(what: 'microphone' | 'connection', error?: unknown): void;
  log(message: string): void;
}

/**
 * One call's media, over the SessionDescriptionHandler(s) sip.js creates for
 * it: the remote audio element, mute/hold on the tracks, microphone and
 * speaker switches, RFC 4733 DTMF. Everything it creates it removes in
 * close(): the audio element, the PeerConnection(s) and their tracks.
 */
export class CallMedia {
  private readonly handlers: SessionDescriptionHandler[] = [];
  private readonly cleanups: Array<() => void> = [];
  private audio: RemoteAudio | undefined;
  private speakerId: string | null;
  private sending = true;
  private receiving = true;
  private closed = false;

  constructor(
    private readonly callId: string,
    private readonly deps: CallMediaDeps,
  ) {
    this.speakerId = deps.speakerId;
  }

  /** sip.js made a handler for this call (its delegate's onSessionDescriptionHandler). */
  attach(handler: SessionDescriptionHandler): void {
    if (this.closed) {
      handler.close();
      return;
    }
    this.handlers.push(handler);
    if (!hasMediaControls(handler)) return; // test fakes without WebRTC
    handler.onMicrophoneFailed = (error) => this.deps.onFailure('microphone', error);
    handler.setSending(this.sending);
    handler.setReceiving(this.receiving);

    const remote = handler.remoteMediaStream;
    const play = (): void => {
      if (!this.closed && remote.getAudioTracks().length > 0) this.playRemote(remote);
    };
    remote.addEventListener('addtrack', play);
    this.cleanups.push(() => remote.removeEventListener('addtrack', play));
    play();

    const pc = handler.peerConnection;
    if (pc) {
      const watch = (): void => {
        if (pc.connectionState === 'failed') this.deps.onFailure('connection');
      };
      pc.addEventListener('connectionstatechange', watch);
      this.cleanups.push(() => pc.removeEventListener('connectionstatechange', watch));
    }
  }

  /** Microphone to the peer on/off (muted, or on hold). */
  setSending(enabled: boolean): void {
    this.sending = enabled;
    for (const handler of this.handlers) if (hasMediaControls(handler)) handler.setSending(enabled);
  }

  /** Peer's audio on/off (on hold). */
  setReceiving(enabled: boolean): void {
    this.receiving = enabled;
    for (const handler of this.handlers) if (hasMediaControls(handler)) handler.setReceiving(enabled);
  }

  /** RFC 4733 telephone-events; false when the media cannot carry them (then use SIP INFO). */
  sendDtmf(digits: string): boolean {
    const handler = this.handlers.at(-1);
    if (!handler || this.closed) return false;
    try {
      return handler.sendDtmf(digits, { duration: DTMF_TONE_MS, interToneGap: DTMF_GAP_MS });
    } catch {
      return false;
    }
  }

  /** Another microphone for a live call; the track is ours to stop if it cannot be used. */
  useMicrophone(track: MediaStreamTrack): void {
    const handler = this.handlers.at(-1);
    if (this.closed || !handler || !hasMediaControls(handler)) {
      track.stop();
      return;
    }
    handler.replaceMicrophone(track).catch((error: unknown) => this.deps.log(`Could not switch the microphone: ${String(error)}`));
  }

  setSpeaker(speakerId: string | null): void {
    this.speakerId = speakerId;
    this.audio?.setSink(speakerId);
  }

  /** Removes the audio element, closes every PeerConnection and stops every track. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    this.audio?.remove();
    this.audio = undefined;
    for (const handler of this.handlers.splice(0)) {
      try {
        handler.close(); // sip.js closes it again when the session is disposed: harmless
      } catch (error) {
        this.deps.log(`Closing call media failed: ${String(error)}`);
      }
    }
  }

  private playRemote(stream: MediaStream): void {
    if (!this.deps.document) return;
    this.audio ??= new RemoteAudio(this.deps.document, this.callId, this.speakerId, this.deps.log);
    this.audio.play(stream);
  }
}
