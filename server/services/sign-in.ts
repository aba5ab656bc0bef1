import type { AgentStatus } from '../../common/schemas/workspace/agent';
import type { Session, SignIn } from '../../common/schemas/workspace/auth';
import type { WorkspaceProblem } from '../../common/schemas/workspace/problems';
import { Refusal } from '../http/refusal';
import type { ServerContext } from '../server-context';
import { hashPassword, needsRehash, verifyPassword } from './passwords';
import { startSession } from './sessions';
import { createSignInThrottle } from './sign-in-throttle';

type SignInContext = Pick<ServerContext, 'database' | 'config' | 'clock' | 'tokens'>;

/**
 * Email and password in, a session out.
 *
 * - Locked account or address → `rate-limited` with `retryAfterSec`, before
 *   the password is even looked at (the right one is refused too).
 * - Unknown email and wrong password → the same `sign-in-failed`, after the
 *   same work (one argon2 verification, one throttle update), so neither the
 *   answer nor its timing tells which.
 * - Pending: a new invitee has no password yet, whatever they type the answer
 *   is `account-pending` ("check your invitation"). That tells a guesser the
 *   email was invited — a deliberate trade for a clear message, and the
 *   per-address limit caps how many emails one can test.
 * - Disabled → `account-disabled`, only to someone who knows the password.
 *
 * Every refusal counts against the account and the address.
 */
export async function signIn(context: SignInContext, input: SignIn, address: string): Promise<Session> {
  const { db } = context.database;
  const throttle = createSignInThrottle(context.database, context.clock);
  const keys = { email: input.email, address };
  const wait = await throttle.retryAfterSec(keys);
  if (wait > 0) throw new Refusal('rate-limited', { retryAfterSec: wait });

  const agent = await db.selectFrom('agent').select(['id', 'status', 'password_hash']).where('email', '=', input.email).executeTakeFirst();
  const matches = await verifyPassword(agent?.password_hash, input.password);
  const refusal = refusalFor(agent, matches);
  if (refusal || !agent) {
    await throttle.recordFailure(keys);
    throw new Refusal(refusal ?? 'sign-in-failed');
  }

  await throttle.clearAccount(input.email);
  if (agent.password_hash && needsRehash(agent.password_hash)) {
    // Parameters were raised since this hash was made: upgrade it now that we hold the password.
    await db.updateTable('agent').set({ password_hash: await hashPassword(input.password) }).where('id', '=', agent.id).execute();
  }
  return startSession(context, agent.id);
}

/** Why this attempt is refused, or null when it signs in (see {@link signIn} for the reasons). */
function refusalFor(agent: { status: AgentStatus; password_hash: string | null } | undefined, matches: boolean): WorkspaceProblem | null {
  if (!agent) return 'sign-in-failed';
  if (agent.status === 'pending' && (matches || agent.password_hash === null)) return 'account-pending';
  if (!matches) return 'sign-in-failed';
  if (agent.status === 'disabled') return 'account-disabled';
  return null;
}
