import { Web, type Session, type SessionDescriptionHandlerFactory } from 'sip.js';
import { enoughCandidates, ICE_GATHERING_CAP_MS, ICE_SETTLE_MS, udpCandidateType, udpCandidateTypesIn, wantedCandidateTypes, type CandidateType } from '../ice-gathering';
import { DTMF_GAP_MS, DTMF_TONE_MS } from '../dtmf';

/**
 * What the calls code may ask of a call's media, beyond sip.js's own
 * SessionDescriptionHandler interface. Implemented by
 * {@link RingdeskSessionDescriptionHandler}; test fakes may implement it too.
 */
export interface MediaControls {
  /** The microphone goes to the peer (false while muted or on hold). */
  setSending(enabled: boolean): void;
  /** The peer's audio is played (false while on hold). */
  setReceiving(enabled: boolean): void;
  /** Sends this track instead of the current one (another microphone); the old one is stopped. */
  replaceMicrophone(track: MediaStreamTrack): Promise<void>;
  /** Called once if the microphone cannot be opened after the offer went out. */
  onMicrophoneFailed: ((error: unknown) => void) | undefined;
  readonly remoteMediaStream: MediaStream;
  readonly peerConnection: RTCPeerConnection | undefined;
}

export function hasMediaControls(handler: unknown): handler is MediaControls {
  return typeof (handler as Partial<MediaControls> | null)?.setSending === 'function';
}

/**
 * sip.js's WebRTC SessionDescriptionHandler, made to dial fast.
 *
 * 1. ICE: stock sip.js waits for gathering to *complete* (~130 ms with no ICE
 *    servers, up to its 5 s timeout when a STUN/TURN server does not answer).
 *    Here an offer or answer goes out once a UDP host candidate and one from
 *    each kind of server configured are in (+20 ms for siblings), or gathering
 *    completes, or {@link ICE_GATHERING_CAP_MS} passes (see ../ice-gathering.ts).
 *    Later offers/answers (hold, resume) do not wait again: whatever has been
 *    gathered by then is in them.
 * 2. Microphone: the first offer does not wait for getUserMedia. It is made
 *    with an empty audio sender (addTransceiver) that gets the microphone
 *    track by replaceTrack as soon as it exists — no renegotiation needed.
 *    When answering, the remote offer must meet an addTrack'ed sender, so the
 *    microphone is awaited; it was opened when the call started ringing.
 * 3. Mute and hold disable the outgoing track; hold also silences incoming
 *    audio. DTMF is appended to the sender's tone buffer, never replacing
 *    digits still playing.
 */
export class RingdeskSessionDescriptionHandler extends Web.SessionDescriptionHandler implements MediaControls {
  onMicrophoneFailed: ((error: unknown) => void) | undefined;
  /** Local audio set up (answerer: the track is on the sender; offerer: the sender exists). */
  private localAudio: Promise<void> | undefined;
  private answering = false;
  private sending = true;
  /** Bumped by every microphone change, so a late track never replaces a newer one. */
  private micGeneration = 0;
  private gatheredOnce = false;

  override setDescription(
    sdp: string,
    options?: Web.SessionDescriptionHandlerOptions,
    modifiers?: Parameters<Web.SessionDescriptionHandler['setDescription']>[2],
  ): Promise<void> {
    if (this.localAudio === undefined) this.answering = true;
    return super.setDescription(sdp, options, modifiers);
  }

  setSending(enabled: boolean): void {
    this.sending = enabled;
    this.localMediaStream.getAudioTracks().forEach((track) => (track.enabled = enabled));
    const sender = this.audioSender();
    if (sender?.track) sender.track.enabled = enabled;
  }

  setReceiving(enabled: boolean): void {
    this.peerConnection?.getReceivers().forEach((receiver) => {
      if (receiver.track) receiver.track.enabled = enabled;
    });
  }

  async replaceMicrophone(track: MediaStreamTrack): Promise<void> {
    this.micGeneration += 1;
    await this.useTrack(track, this.micGeneration);
  }

  override sendDtmf(tones: string, options?: { duration?: number; interToneGap?: number }): boolean {
    const dtmf = this.audioSender()?.dtmf;
    if (!dtmf || dtmf.canInsertDTMF === false) return false;
    try {
      // insertDTMF replaces the buffer: keep the digits not yet played.
      dtmf.insertDTMF(dtmf.toneBuffer + tones, options?.duration ?? DTMF_TONE_MS, options?.interToneGap ?? DTMF_GAP_MS);
      return true;
    } catch {
      return false;
    }
  }

  override close(): void {
    this.micGeneration += 1; // a track still on its way is stopped on arrival
    this.stopLocalTracks();
    super.close();
  }

  protected override getLocalMediaStream(options?: Web.SessionDescriptionHandlerOptions): Promise<void> {
    const pc = this._peerConnection;
    if (!pc) return Promise.reject(new Error('Peer connection closed.'));
    if (this.localAudio) return this.localAudio; // once per call; device changes use replaceMicrophone
    const constraints: MediaStreamConstraints = { audio: true, video: false, ...options?.constraints };
    const generation = this.micGeneration;
    const microphone = this.mediaStreamFactory(constraints, this, options).then((stream) => {
      const [track, ...others] = stream.getTracks();
      others.forEach((other) => other.stop());
      if (!track) throw new Error('No microphone track');
      return track;
    });
    if (this.answering) {
      this.localAudio = microphone.then((track) => {
        if (!this._peerConnection) {
          track.stop();
          throw new Error('Peer connection closed.');
        }
        track.enabled = this.sending;
        this._peerConnection.addTrack(track, this._localMediaStream);
        this._localMediaStream.addTrack(track);
      });
      return this.localAudio;
    }
    pc.addTransceiver('audio', { direction: 'sendrecv', streams: [this._localMediaStream] });
    microphone.then(
      (track) => this.useTrack(track, generation),
      (error: unknown) => {
        if (this._peerConnection && generation === this.micGeneration) this.onMicrophoneFailed?.(error);
      },
    ).catch(() => undefined);
    this.localAudio = Promise.resolve();
    return this.localAudio;
  }

  protected override waitForIceGatheringComplete(restart = false, timeout = 0): Promise<void> {
    const pc = this._peerConnection;
    if (!pc) return super.waitForIceGatheringComplete(restart, timeout);
    if (!restart && this.gatheredOnce) return Promise.resolve();
    const wanted = wantedCandidateTypes(pc.getConfiguration().iceServers);
    const seen: Set<CandidateType> = restart ? new Set() : udpCandidateTypesIn(pc.localDescription?.sdp);
    let settle: ReturnType<typeof setTimeout> | undefined;
    const check = (): void => {
      if (settle === undefined && enoughCandidates(wanted, seen)) settle = setTimeout(() => this.iceGatheringComplete(), ICE_SETTLE_MS);
    };
    const onCandidate = (event: RTCPeerConnectionIceEvent): void => {
      const type = event.candidate ? udpCandidateType(event.candidate.candidate) : null;
      if (!type) return;
      seen.add(type);
      check();
    };
    pc.addEventListener('icecandidate', onCandidate);
    const waiting = super.waitForIceGatheringComplete(restart, timeout);
    check();
    return waiting.finally(() => {
      clearTimeout(settle);
      pc.removeEventListener('icecandidate', onCandidate);
      this.gatheredOnce = true;
    });
  }

  private async useTrack(track: MediaStreamTrack, generation: number): Promise<void> {
    const sender = this.audioSender();
    if (!this._peerConnection || !sender || generation !== this.micGeneration) {
      track.stop();
      return;
    }
    track.enabled = this.sending;
    this._localMediaStream.addTrack(track); // so close() finds it even mid-switch
    try {
      await sender.replaceTrack(track);
    } finally {
      // The newest switch settles: everything but the sender's track is stopped.
      if (!this._peerConnection) this.stopLocalTracks();
      else if (generation === this.micGeneration) this.stopLocalTracks(sender.track);
    }
  }

  private stopLocalTracks(keep: MediaStreamTrack | null = null): void {
    for (const track of this._localMediaStream.getTracks()) {
      if (track === keep) continue;
      track.stop();
      this._localMediaStream.removeTrack(track);
    }
  }

  private audioSender(): RTCRtpSender | undefined {
    return this._peerConnection?.getTransceivers().find((transceiver) => transceiver.receiver.track?.kind === 'audio')?.sender;
  }
}

/**
 * The factory sip.js calls for each call (and each early-media dialog).
 * `microphone` hands out one new track per call (see ../microphone-source.ts).
 */
export function ringdeskSessionDescriptionHandlerFactory(microphone: () => Promise<MediaStreamTrack>): SessionDescriptionHandlerFactory {
  const mediaStreamFactory: Web.MediaStreamFactory = async (constraints) =>
    constraints.audio ? new MediaStream([await microphone()]) : new MediaStream();
  return (session: Session, options?: Web.SessionDescriptionHandlerFactoryOptions) => {
    const configuration: Web.SessionDescriptionHandlerConfiguration = {
      iceGatheringTimeout: options?.iceGatheringTimeout ?? ICE_GATHERING_CAP_MS,
      peerConnectionConfiguration: {
        bundlePolicy: 'balanced',
        rtcpMuxPolicy: 'require',
        // Always explicit: never sip.js's default public STUN server.
        iceServers: [],
        ...options?.peerConnectionConfiguration,
      },
    };
    const logger = session.userAgent.getLogger('sip.SessionDescriptionHandler');
    return new RingdeskSessionDescriptionHandler(logger, mediaStreamFactory, configuration);
  };
}
