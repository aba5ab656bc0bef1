import { sql } from 'kysely';
import type { Database } from '../db/open-database';
import type { Clock } from './clock';

/**
 * Brute-force brakes on sign-in, kept in the `throttle` table so every
 * replica counts the same failures (an attacker gains nothing by spreading
 * guesses across servers).
 *
 * Each key counts refused attempts in a window that opens at its first
 * failure; reaching the limit locks the key until `locked_until`:
 *
 *   (no row) --fail--> counting (1..limit-1) --fail #limit--> locked
 *       ^                  |  window over                        | lock over
 *       +------------------+-------------------------------------+
 *
 * Per account (the email, whether or not it exists, so a lock says nothing
 * about who is a member): 5 in 15 min locks it for 15 min — the right
 * password is refused too while locked. Per client address: 20 in 15 min,
 * which stops one machine trying many emails. Success clears the account's
 * count only: clearing the address's would let an attacker reset it with an
 * account of their own.
 */
export const THROTTLE_RULES = {
  account: { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { limit: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

type Kind = keyof typeof THROTTLE_RULES;

export interface SignInThrottle {
  /** Seconds until every given key may try again; 0 when none is locked. */
  retryAfterSec(keys: ThrottleKeys): Promise<number>;
  /** Counts one refused attempt against the account and the address. */
  recordFailure(keys: ThrottleKeys): Promise<void>;
  /** Forgets the account's failures after it signed in. */
  clearAccount(email: string): Promise<void>;
}

export interface ThrottleKeys {
  email: string;
  address: string;
}

const keyOf = (kind: Kind, value: string) => `${kind}:${value}`;

export function createSignInThrottle(database: Database, clock: Clock): SignInThrottle {
  const { db } = database;
  return {
    async retryAfterSec(keys) {
      const now = clock.now();
      const rows = await db
        .selectFrom('throttle')
        .select('locked_until')
        .where('key', 'in', [keyOf('account', keys.email), keyOf('address', keys.address)])
        .where('locked_until', '>', now)
        .execute();
      const until = Math.max(0, ...rows.map((r) => r.locked_until ?? 0));
      return until > now ? Math.ceil((until - now) / 1000) : 0;
    },
    async recordFailure(keys) {
      const now = clock.now();
      await countFailure(database, keyOf('account', keys.email), THROTTLE_RULES.account, now);
      await countFailure(database, keyOf('address', keys.address), THROTTLE_RULES.address, now);
      // Keep the table to the keys that still matter (sprayed emails would otherwise pile up).
      const longest = Math.max(THROTTLE_RULES.account.windowMs, THROTTLE_RULES.address.windowMs);
      await db
        .deleteFrom('throttle')
        .where('window_start', '<=', now - longest)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .execute();
    },
    async clearAccount(email) {
      await db.deleteFrom('throttle').where('key', '=', keyOf('account', email)).execute();
    },
  };
}

/**
 * One failure, counted in a single upsert so two replicas failing at the same
 * moment both count (a read-then-write would lose one). A row whose window or
 * lock has run out starts again at 1.
 */
async function countFailure(database: Database, key: string, rule: { limit: number; windowMs: number; lockMs: number }, now: number): Promise<void> {
  const stale = sql<boolean>`(throttle.window_start <= ${now - rule.windowMs} or (throttle.locked_until is not null and throttle.locked_until <= ${now}))`;
  const next = sql<number>`(case when ${stale} then 1 else throttle.failures + 1 end)`;
  await database.db
    .insertInto('throttle')
    .values({ key, failures: 1, window_start: now, locked_until: rule.limit <= 1 ? now + rule.lockMs : null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: next,
        window_start: sql<number>`(case when ${stale} then ${now} else throttle.window_start end)`,
        locked_until: sql<number | null>`(case when ${next} >= ${rule.limit} then ${now + rule.lockMs} when ${stale} then null else throttle.locked_until end)`,
      }),
    )
    .execute();
}
