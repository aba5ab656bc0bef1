import type { FieldProblem } from '../../common/schemas/field-errors';
import type { IpcProblem } from '../../common/schemas/ipc-problem';
import type { WorkspaceFailure, WorkspaceRefusal } from '../../common/schemas/workspace/app-session';

/**
 * A refusal the agent should be told about, as codes: problems with named
 * fields, or one problem. The IPC layer (register-handlers.ts) returns it as
 * an IpcError and the window words it. Any other error is logged and
 * answered as 'internal', so no stack trace or internal detail ever reaches
 * the UI.
 */
export class UserFacingError extends Error {
  readonly fields: Record<string, FieldProblem> | undefined;
  readonly problem: IpcProblem;
  /** The team workspace refused or could not be reached (with when to retry, for `rate-limited`; who saved first, for `version-conflict`; who would lose their last group). */
  readonly workspace: WorkspaceRefusal | undefined;

  constructor(
    refusal:
      | { fields: Record<string, FieldProblem> }
      | { problem: IpcProblem }
      | { workspace: WorkspaceFailure; retryAfterSec?: number | undefined; changedBy?: WorkspaceRefusal['changedBy'] | undefined; agentIds?: string[] | undefined },
  ) {
    super(
      'fields' in refusal ? `refused: ${Object.values(refusal.fields).join(', ')}` : 'problem' in refusal ? `refused: ${refusal.problem}` : `workspace: ${refusal.workspace}`,
    );
    this.name = 'UserFacingError';
    this.fields = 'fields' in refusal ? refusal.fields : undefined;
    this.problem = 'problem' in refusal ? refusal.problem : 'internal';
    this.workspace =
      'workspace' in refusal
        ? {
            failure: refusal.workspace,
            ...(refusal.retryAfterSec !== undefined ? { retryAfterSec: refusal.retryAfterSec } : {}),
            ...(refusal.changedBy !== undefined ? { changedBy: refusal.changedBy } : {}),
            ...(refusal.agentIds !== undefined ? { agentIds: refusal.agentIds } : {}),
          }
        : undefined;
  }
}
