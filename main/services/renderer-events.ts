import type { LinkOpened } from '../../common/schemas/app-link';
import type { CallAction } from '../../common/schemas/call';
import type { EngineCommand } from '../../common/schemas/engine';
import type { HistoryEntry } from '../../common/schemas/history';
import type { AppSnapshot } from '../../common/schemas/snapshot';
import type { TeamUpdate } from '../../common/schemas/workspace/live';

/**
 * What main's services tell the phone window, as plain calls. The services
 * know no channels: the IPC layer (contract-handlers.ts) turns these into the
 * contract's events, and drops them while no window is attached.
 */
export interface RendererEvents {
  snapshot(snapshot: AppSnapshot): void;
  engineCommand(command: EngineCommand): void;
  callAction(action: CallAction): void;
  historyAdded(entry: HistoryEntry): void;
  /** The team changed on the workspace (a coalesced burst of live sync's events). */
  teamChanged(update: TeamUpdate): void;
  /** What main made of a link the OS handed over. */
  linkOpened(opened: LinkOpened): void;
}
