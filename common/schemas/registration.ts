import type { FailureCause, FailureDetail } from './engine';
import type { Presence } from './presence';

/**
 * The registration as main sees it, derived by the lifecycle machine
 * (main/domain/registration-lifecycle.ts) from what it wants and what the
 * engine reports.
 */
export type RegistrationView =
  | { status: 'no-account' }
  | { status: 'offline' }
  | { status: 'waiting-for-network' }
  | { status: 'suspended' }
  | { status: 'starting' }
  | { status: 'registering' }
  | { status: 'registered'; since: number }
  | {
      status: 'reconnecting';
      attempt: number;
      /** epoch ms of the next automatic attempt */
      nextAttemptAt: number;
      cause: FailureCause;
      statusCode?: number;
      detail?: FailureDetail;
    }
  /** Stopped retrying on purpose (wrong credentials): needs the agent. */
  | { status: 'failed'; cause: FailureCause; statusCode?: number; detail?: FailureDetail }
  | { status: 'unregistering' };

export type ReachabilityTone = 'ok' | 'warning' | 'error' | 'neutral';

/**
 * Why calls do or do not ring, as a code: main and the window each turn it
 * into words where they show it (main/messages, renderer/features/reachability).
 */
export type ReachabilityReason =
  | 'not-set-up'
  | 'offline'
  | 'starting'
  | 'asleep'
  | 'no-network'
  | 'connecting'
  | 'signing-out'
  | 'reconnecting'
  | 'sign-in-failed'
  | 'dnd'
  | 'available'
  | 'away';

/** A failed registration, as it is explained to the agent. */
export interface RegistrationFailure {
  cause: FailureCause;
  statusCode?: number;
  /** What exactly happened, as a code with its parameters. */
  detail?: FailureDetail;
}

/** One answer to "will my phone ring?", shared by banner and tray. */
export interface Reachability {
  canReceiveCalls: boolean;
  tone: ReachabilityTone;
  /** Tray icon to show. */
  icon: Presence | 'unreachable';
  reason: ReachabilityReason;
  /** With 'reconnecting' and 'sign-in-failed': what went wrong. */
  failure?: RegistrationFailure;
  /** The phone server's WebSocket address, when one is set up. */
  server?: string;
  /** What the agent can do about it, if anything. */
  action?: 'retry' | 'go-available' | 'edit-account';
}
