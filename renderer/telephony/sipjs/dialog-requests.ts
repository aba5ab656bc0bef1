import type { Session, URI, Web } from 'sip.js';
import { attempt } from '../bounded-wait';
import { dtmfRelayBody } from '../dtmf';
import { transferProgress, type TransferProgress } from '../transfer-progress';

/**
 * The in-dialog requests a call sends, each as one small promise-shaped
 * step: hold/resume re-INVITE, SIP INFO DTMF, REFER with its NOTIFYs. sip.js
 * turns timeouts and transport errors into 408/503 responses, so every step
 * settles. None of them throws.
 */

/** Audio only, always (sip.js's web handler reads `constraints`). */
export const AUDIO_ONLY: Web.SessionDescriptionHandlerOptions = { constraints: { audio: true, video: false } };

/** How a hold/resume re-INVITE ended: accepted, refused because of a crossing re-INVITE (491, RFC 3261 §14.1), or refused otherwise. */
export type HoldOutcome = 'accepted' | 'glare' | 'refused';

/** Re-INVITE with our audio `sendonly` (hold) or `sendrecv` (resume). */
export function sendHoldReinvite(session: Session, hold: boolean, log: (error: unknown) => void): Promise<HoldOutcome> {
  // The web handler's `hold` option sets the offered direction, and, because
  // sip.js keeps re-INVITE options, also keeps us on hold in our answers to
  // the peer's own re-INVITEs.
  const sessionDescriptionHandlerOptions: Web.SessionDescriptionHandlerOptions = { ...AUDIO_ONLY, hold };
  return new Promise<HoldOutcome>((resolve) => {
    void attempt(
      () =>
        session.invite({
          sessionDescriptionHandlerOptions,
          requestDelegate: {
            onAccept: () => resolve('accepted'),
            onReject: (response) => resolve(response.message.statusCode === 491 ? 'glare' : 'refused'),
          },
        }),
      (error) => {
        log(error);
        resolve('refused');
      },
    );
  });
}

/** What sip.js answers the peer's own re-INVITEs with, set back to `hold` (it keeps the options of our last re-INVITE, even a refused one). */
export function keepHoldInAnswers(session: Session, hold: boolean): void {
  session.sessionDescriptionHandlerOptionsReInvite = { ...AUDIO_ONLY, hold } as Web.SessionDescriptionHandlerOptions;
}

/** One SIP INFO carrying one digit as application/dtmf-relay. Resolves on any answer. */
export function sendDtmfInfo(session: Session, digit: string, log: (error: unknown) => void): Promise<void> {
  const body = { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: dtmfRelayBody(digit) };
  return new Promise<void>((resolve) => {
    void attempt(
      () => session.info({ requestOptions: { body }, requestDelegate: { onAccept: () => resolve(), onReject: () => resolve() } }),
      (error) => {
        log(error);
        resolve();
      },
    );
  });
}

/**
 * REFER (RFC 3515). `onProgress` hears 'failed' when the REFER is refused,
 * and each NOTIFY's sipfrag as 'trying' / 'succeeded' / 'failed'.
 */
export function sendRefer(session: Session, target: URI, onProgress: (progress: TransferProgress) => void, log: (error: unknown) => void): void {
  void attempt(
    () =>
      session.refer(target, {
        requestDelegate: { onReject: () => onProgress('failed') },
        onNotify: (notification) => {
          void attempt(() => notification.accept(), log);
          onProgress(transferProgress(notification.request.body));
        },
      }),
    (error) => {
      log(error);
      onProgress('failed');
    },
  );
}
