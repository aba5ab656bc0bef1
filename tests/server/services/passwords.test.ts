import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../../../server/services/passwords';

describe('agent passwords', () => {
  it('are kept as salted argon2id hashes that only the right password matches', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse battery');
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'correct horse batterY')).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it('never match when there is no hash, a broken one, or an empty password', async () => {
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword(undefined, '')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    expect(needsRehash('not a hash')).toBe(true);
  });

  it('cost the same to check whether or not the account has a password', async () => {
    const stored = await hashPassword('some password here');
    await verifyPassword(null, 'warm up');
    const time = async (hash: string | null) => {
      const start = performance.now();
      await verifyPassword(hash, 'a wrong guess');
      return performance.now() - start;
    };
    const [withHash, without] = [await time(stored), await time(null)];
    expect(without).toBeGreaterThan(withHash * 0.4);
    expect(withHash).toBeGreaterThan(15);
  });
});
