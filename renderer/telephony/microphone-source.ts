/**
 * One open microphone shared by every call, so that neither dialling nor
 * answering waits for getUserMedia (which takes 50–500 ms on real hardware,
 * longer for Bluetooth headsets).
 *
 * The trade-off we chose: the microphone is opened when a call *starts* —
 * when the agent dials, or when an incoming call starts ringing — not when
 * the phone registers. It stays open while any call exists and is closed
 * the moment the last call ends (no linger timer). So an idle phone never
 * holds a live microphone track (no "microphone in use" indicator, nothing
 * to leak), a ringing call is answered with the microphone already open, and
 * an outgoing INVITE never waits for it either: the offer is made with an
 * empty audio sender that receives the track as soon as it exists (see
 * ./sipjs/session-description-handler.ts). The cost is the OS microphone
 * indicator lighting up while a call rings, even if it is then declined.
 *
 * Each call gets its own clone of the shared track: muting one call does not
 * mute another, and stopping a call's clone leaves the source open for the
 * others. No sip.js here; plain DOM media APIs.
 */

export type GetUserMedia = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

export interface MicrophoneSource {
  /** A call needs the microphone soon: open it now if it is not open. Never rejects. */
  retain(holder: string): void;
  /** The call is over; the last release closes the microphone. */
  release(holder: string): void;
  /** A track of the caller's own (a clone of the shared one). Rejects when the microphone cannot be opened. */
  track(): Promise<MediaStreamTrack>;
  /**
   * Uses another device (null: the system default) from now on. Returns true
   * when that changed anything; live calls must then take a new track().
   */
  setDevice(deviceId: string | null): boolean;
}

export class SharedMicrophone implements MicrophoneSource {
  private deviceId: string | null = null;
  private source: Promise<MediaStreamTrack> | undefined;
  private readonly holders = new Set<string>();

  constructor(
    private readonly getUserMedia: GetUserMedia,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  retain(holder: string): void {
    this.holders.add(holder);
    this.open().catch(() => undefined); // failures surface when a call asks for its track
  }

  release(holder: string): void {
    this.holders.delete(holder);
    if (this.holders.size === 0) this.close();
  }

  async track(): Promise<MediaStreamTrack> {
    let source = await this.open();
    if (source.readyState === 'ended') {
      // unplugged or revoked meanwhile: open it again
      this.source = undefined;
      source = await this.open();
    }
    return source.clone();
  }

  setDevice(deviceId: string | null): boolean {
    if (deviceId === this.deviceId) return false;
    this.deviceId = deviceId;
    if (this.source) {
      this.close();
      if (this.holders.size > 0) this.open().catch(() => undefined);
    }
    return true;
  }

  private open(): Promise<MediaStreamTrack> {
    if (this.source) return this.source;
    const opening = this.acquire(this.deviceId);
    this.source = opening;
    opening.catch(() => {
      if (this.source === opening) this.source = undefined; // the next call tries again
    });
    return opening;
  }

  private close(): void {
    const source = this.source;
    this.source = undefined;
    source?.then(
      (track) => track.stop(),
      () => undefined,
    );
  }

  private async acquire(deviceId: string | null): Promise<MediaStreamTrack> {
    let stream: MediaStream;
    try {
      stream = await this.getUserMedia(audioConstraints(deviceId));
    } catch (error) {
      if (deviceId === null || !isMissingDevice(error)) throw error;
      // The chosen microphone is gone: calls still get audio, from the default one.
      this.log(`Microphone ${deviceId} is not available; using the default microphone`);
      stream = await this.getUserMedia(audioConstraints(null));
    }
    const [track, ...others] = stream.getAudioTracks();
    stream.getVideoTracks().forEach((video) => video.stop());
    others.forEach((extra) => extra.stop());
    if (!track) throw new Error('The microphone gave no audio track');
    return track;
  }
}

function audioConstraints(deviceId: string | null): MediaStreamConstraints {
  return { audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false };
}

function isMissingDevice(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'OverconstrainedError' || name === 'NotFoundError';
}

/** The page's microphone through getUserMedia, or null where there is none (no DOM, insecure origin). */
export function browserMicrophone(log: (message: string) => void): MicrophoneSource | null {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!devices?.getUserMedia) return null;
  return new SharedMicrophone((constraints) => devices.getUserMedia(constraints), log);
}
