import { expect } from 'vitest';
import { UserFacingError } from '../../../main/services/user-facing-error';

/** What a refused call told the window, as codes: the call must fail with a UserFacingError. */
export async function refusal(pending: Promise<unknown>): Promise<UserFacingError> {
  const error = await pending.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}
