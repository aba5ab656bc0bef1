/**
 * An error whose message is written for the agent; IPC returns it as is.
 * Any other error is logged and replaced by a generic sentence, so no stack
 * trace or internal detail ever reaches the UI.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
