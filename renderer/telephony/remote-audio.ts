/**
 * The <audio> element that plays one call's remote audio. Created when the
 * call's media starts, removed (and emptied) when the call ends, so twenty
 * calls in a row leave no element behind. No sip.js here.
 */
export class RemoteAudio {
  private element: HTMLAudioElement | undefined;
  private sinkId: string | null;
  private removed = false;

  constructor(
    private readonly document: Document,
    private readonly callId: string,
    sinkId: string | null,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.sinkId = sinkId;
  }

  /** Plays this stream (the call's remote stream; its tracks may arrive later). */
  play(stream: MediaStream): void {
    if (this.removed) return;
    let element = this.element;
    if (!element) {
      element = this.document.createElement('audio');
      element.autoplay = true;
      element.hidden = true;
      element.dataset.ringdeskCall = this.callId;
      this.document.body.append(element);
      this.element = element;
      void this.applySink();
    }
    if (element.srcObject !== stream) element.srcObject = stream;
    const playing = element.play() as Promise<void> | undefined;
    playing?.catch((error: unknown) => this.log(`Call audio did not start: ${describe(error)}`));
  }

  /** Sends the call audio to this output device (null: the system default). */
  setSink(sinkId: string | null): void {
    this.sinkId = sinkId;
    void this.applySink();
  }

  /** Stops playback and takes the element out of the page. Idempotent. */
  remove(): void {
    this.removed = true;
    const element = this.element;
    this.element = undefined;
    if (!element) return;
    try {
      element.pause();
    } catch {
      // not playing
    }
    element.srcObject = null;
    element.remove();
  }

  /**
   * setSinkId is missing in some engines and rejects for a device that is
   * gone or not permitted: the audio then stays on (or goes back to) the
   * default output rather than falling silent.
   */
  private async applySink(): Promise<void> {
    const element = this.element as (HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }) | undefined;
    if (!element || typeof element.setSinkId !== 'function') return;
    const wanted = this.sinkId ?? '';
    try {
      await element.setSinkId(wanted);
    } catch (error) {
      this.log(`Speaker ${wanted || 'default'} not usable (${describe(error)}); using the default output`);
      try {
        await element.setSinkId('');
      } catch {
        // the default output is what it plays on anyway
      }
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
