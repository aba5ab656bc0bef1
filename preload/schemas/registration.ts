import type { FailureCause } from './engine';
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
      detail?: string;
    }
  /** Stopped retrying on purpose (wrong credentials): needs the agent. */
  | { status: 'failed'; cause: FailureCause; statusCode?: number; detail?: string }
  | { status: 'unregistering' };

export type ReachabilityTone = 'ok' | 'warning' | 'error' | 'neutral';

/** One answer to "will my phone ring?", shared by banner and tray. */
export interface Reachability {
  canReceiveCalls: boolean;
  tone: ReachabilityTone;
  /** Tray icon to show. */
  icon: Presence | 'unreachable';
  headline: string;
  detail: string;
  /** What the agent can do about it, if anything. */
  action?: 'retry' | 'go-available' | 'edit-account';
}
