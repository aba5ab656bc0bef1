import type { EngineAccount } from '../../preload/schemas/account';
import type { EngineCommand, EngineReport, ProbeResult } from '../../preload/schemas/engine';

/**
 * The telephony port: what the rest of the renderer may ask of the SIP
 * engine. The only implementation that touches sip.js is
 * ./sipjs-telephony.ts; tests use fakes.
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
}
