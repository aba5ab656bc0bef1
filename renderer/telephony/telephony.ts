import type { EngineAccount } from '../../common/schemas/account';
import type { CallSnapshot } from '../../common/schemas/call';
import type { EngineCommand, EngineReport, ProbeResult } from '../../common/schemas/engine';

/**
 * The telephony port: what the rest of the renderer may ask of the SIP
 * engine. The only implementation that touches sip.js is
 * ./sipjs/engine.ts; tests use fakes.
 *
 * Main decides (it sends EngineCommands); the engine acts and reports every
 * transition back (EngineReport). The engine never retries on its own:
 * back-off belongs to main's lifecycle machine.
 *
 * ```
 *              register/reconnect
 *  unregistered ──────────────────► registering ──200──► registered
 *       ▲                               │  │                 │
 *       │ unregister                    │  └─401/403─► failed(auth)
 *       └───────────────────────────────┴── ws lost ─► failed(network)
 * ```
 */
export interface Telephony {
  /** Carries out a command from main. Never throws; outcomes arrive as reports. */
  execute(command: EngineCommand): void;
  /** One real REGISTER with these settings, then un-REGISTER, for "Test connection". */
  probe(account: EngineAccount, options?: { timeoutMs?: number }): Promise<ProbeResult>;
  /** Subscribes to state reports; returns the unsubscribe. */
  onReport(listener: (report: EngineReport) => void): () => void;
  /** Unregisters (best effort) and closes the connection. */
  dispose(): Promise<void>;

  // ── calls ───────────────────────────────────────────────────────────────
  // Every call is identified by the id the engine gives it; its state
  // arrives through onCallsChanged as plain CallSnapshots. Operations on an
  // unknown or ended call are ignored; none of them throws.

  /** Calls a SIP URI (sip:user@domain). Returns the new call's id at once. */
  dial(targetUri: string, options?: { consultFor?: string }): string;
  /** Answers a ringing incoming call with audio. */
  answer(callId: string): void;
  /** Declines a ringing incoming call: 603 Decline (default) or 486 Busy Here. */
  decline(callId: string, response?: 'decline' | 'busy'): void;
  /** Ends a call in any state: CANCEL while dialling, BYE once answered, reject while ringing in. */
  hangup(callId: string): void;
  setMuted(callId: string, muted: boolean): void;
  /** Hold (re-INVITE a=sendonly) or resume (a=sendrecv). */
  setHeld(callId: string, held: boolean): void;
  /** Sends DTMF digits (0-9 * # A-D) by the configured method. */
  sendDtmf(callId: string, digits: string): void;
  /** Blind transfer: REFER the peer of `callId` to `targetUri`. */
  blindTransfer(callId: string, targetUri: string): void;
  /** Attended transfer: REFER the peer of `callId` to the peer of `consultCallId`, with Replaces. */
  completeTransfer(callId: string, consultCallId: string): void;
  /** The current calls after every change; an ended call appears once with state 'ended', then is dropped. */
  onCallsChanged(listener: (calls: CallSnapshot[]) => void): () => void;
  /** Call media options from the agent's preferences. */
  configureMedia(options: MediaOptions): void;
}

export interface MediaOptions {
  /** Microphone deviceId for calls (null: system default). */
  microphoneId: string | null;
  /** Speaker deviceId for call audio (null: system default). */
  speakerId: string | null;
  /** DTMF as RFC 4733 telephone-events in the media, or as SIP INFO. */
  dtmfMode: 'rfc4733' | 'info';
}
