import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * Agents' sign-in passwords, as argon2id PHC strings.
 *
 * Why these parameters — do not lower without a security review: 64 MiB and
 * 3 passes cost ~50–65 ms per hash on the 2-core test machine (measured with
 * @node-rs/argon2 2.2 under load: m=19 MiB,t=2 was ~7 ms, m=64 MiB,t=4
 * ~110 ms). That is above OWASP's floor (19 MiB, t=2) and slow enough that a
 * stolen table costs an attacker dearly, yet a sign-in still feels instant.
 * Memory is per concurrent hash: a burst of sign-ins uses 64 MiB each, which
 * the per-address throttle keeps bounded. Raising them later is safe: older
 * hashes still verify (the PHC string carries its own parameters) and are
 * upgraded at the next sign-in ({@link needsRehash}).
 */
export const PASSWORD_HASH_OPTIONS: Options = {
  // Argon2id; the package declares its enum `const`, which isolated modules cannot import as a value.
  algorithm: 2 as Algorithm,
  memoryCost: 64 * 1024,
  timeCost: 3,
  parallelism: 1,
};

/** A new salted argon2id hash of `password`. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

// A hash of a password nobody knows, with today's parameters: checked when the
// account does not exist (or has no password yet), so "no such email" costs
// the same time as "wrong password" and answers cannot be told apart by timing.
let dummyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `stored`. With no stored hash it still runs one
 * full verification against a dummy hash (always false), so the time taken
 * does not reveal whether the account exists. Never throws: a malformed hash
 * counts as a mismatch.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  const target = stored ?? (await (dummyHash ??= hashPassword(randomBytes(32).toString('base64url'))));
  try {
    const ok = await verify(target, password);
    return ok && stored != null;
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with weaker (or just different) parameters than today's. */
export function needsRehash(stored: string): boolean {
  try {
    const used = parseOptions(stored);
    return (
      used.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      used.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      used.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      used.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
