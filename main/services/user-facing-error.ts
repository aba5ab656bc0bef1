import type { FieldProblem } from '../../common/schemas/field-errors';
import type { IpcProblem } from '../../common/schemas/ipc-problem';

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

  constructor(refusal: { fields: Record<string, FieldProblem> } | { problem: IpcProblem }) {
    super('fields' in refusal ? `refused: ${Object.values(refusal.fields).join(', ')}` : `refused: ${refusal.problem}`);
    this.name = 'UserFacingError';
    this.fields = 'fields' in refusal ? refusal.fields : undefined;
    this.problem = 'problem' in refusal ? refusal.problem : 'internal';
  }
}
