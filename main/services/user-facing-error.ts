import type { FieldProblem } from '../../common/schemas/field-errors';

/**
 * An error whose message is written for the agent (English for now); the
 * IPC layer (register-handlers.ts) returns it as an IpcError.
 * Any other error is logged and replaced by a generic sentence, so no stack
 * trace or internal detail ever reaches the UI.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fields?: Record<string, FieldProblem>,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
