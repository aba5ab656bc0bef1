import type { IpcError } from '../../../preload/contract';
import { ipcErrorText } from '../../app/ipc-error-text';

/** What the Team area says when the workspace cannot be reached: nothing is kept to send later. */
export const TEAM_OFFLINE_TEXT = "You're offline — changes can't be saved now.";

/** "Ana Lopez", "Ana Lopez and Ben Brown", "Ana Lopez, Ben Brown and 3 others". */
export function nameList(names: readonly string[], unnamed = 0): string {
  const shown = names.slice(0, 3);
  const others = names.length - shown.length + unnamed;
  const parts = others > 0 ? [...shown, `${others} ${shown.length > 0 ? 'other' : 'teammate'}${others === 1 ? '' : 's'}`] : shown;
  if (parts.length <= 1) return parts[0] ?? 'a teammate';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The Team area's words for a refusal that is not about one field. `names`
 * puts the agents of an `agent-needs-group` refusal into words (the ones
 * the window knows; the rest are counted).
 */
export function teamRefusalText(error: IpcError, names: readonly string[] = []): string {
  if (error.code !== 'workspace') return ipcErrorText(error);
  switch (error.failure) {
    case 'workspace-unreachable':
      return TEAM_OFFLINE_TEXT;
    case 'version-conflict':
      return `Changed by ${error.changedBy?.fullName ?? 'a teammate'} just now — review and save again.`;
    case 'agent-needs-group': {
      const ids = error.agentIds ?? [];
      return `This would leave ${nameList(names, Math.max(0, ids.length - names.length))} with no group. Add them to another group first.`;
    }
    case 'forbidden':
      return 'Only Administrators and the Owner can manage the team.';
    default:
      return ipcErrorText(error);
  }
}
