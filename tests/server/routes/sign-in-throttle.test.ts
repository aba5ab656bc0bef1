import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/app';
import { openDatabase } from '../../../server/db/open-database';
import { createServerContext } from '../../../server/server-context';
import { THROTTLE_RULES } from '../../../server/services/sign-in-throttle';
import { OWNER_PASSWORD, agentWithPassword, createTeam, post } from '../support/accounts';
import { DIALECTS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('sign-in brute force (%s)', (dialect) => {
  let server: TestServer;
  const owner = 'olivia@example.com';
  const signIn = (email: string, password: string, remoteAddress: string) => post(server, '/api/v1/auth/sign-in', { email, password }, { remoteAddress });

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await createTeam(server);
  });
  afterEach(() => server.close());

  it('locks an account after 5 wrong passwords, refusing even the right one, until 15 minutes pass', async () => {
    for (let i = 1; i <= 5; i++) expect((await signIn(owner, `guess number ${i}`, '10.1.0.1')).json()).toEqual({ problem: 'sign-in-failed' });
    const sixth = await signIn(owner, 'guess number 6', '10.1.0.1');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toEqual({ problem: 'rate-limited', retryAfterSec: 900 });
    expect(sixth.headers['retry-after']).toBe('900');
    // The real Owner, from another machine, with the right password: still locked, and told for how long.
    server.clock.advance(60_000);
    const right = await signIn(owner, OWNER_PASSWORD, '10.1.0.2');
    expect(right.json()).toEqual({ problem: 'rate-limited', retryAfterSec: 840 });
    server.clock.advance(840_000 - 1);
    expect((await signIn(owner, OWNER_PASSWORD, '10.1.0.2')).json()).toEqual({ problem: 'rate-limited', retryAfterSec: 1 });
    server.clock.advance(1);
    expect((await signIn(owner, OWNER_PASSWORD, '10.1.0.2')).statusCode).toBe(200);
  });

  it('locks an email that belongs to nobody the same way (a lock says nothing about who is a member)', async () => {
    for (let i = 1; i <= 5; i++) await signIn('nobody@example.com', `guess ${i}`, '10.2.0.1');
    expect((await signIn('nobody@example.com', 'guess 6', '10.2.0.1')).json()).toEqual({ problem: 'rate-limited', retryAfterSec: 900 });
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    for (let i = 1; i <= 4; i++) await signIn(owner, `typo ${i}`, '10.3.0.1');
    expect((await signIn(owner, OWNER_PASSWORD, '10.3.0.1')).statusCode).toBe(200);
    for (let i = 1; i <= 4; i++) expect((await signIn(owner, `typo again ${i}`, '10.3.0.1')).statusCode).toBe(401);
    expect((await signIn(owner, OWNER_PASSWORD, '10.3.0.1')).statusCode).toBe(200);
  });

  it('starts counting again once a quiet 15 minutes have passed', async () => {
    for (let i = 1; i <= 4; i++) await signIn(owner, `typo ${i}`, '10.4.0.1');
    server.clock.advance(THROTTLE_RULES.account.windowMs);
    for (let i = 1; i <= 4; i++) expect((await signIn(owner, `later typo ${i}`, '10.4.0.1')).statusCode).toBe(401);
    expect((await signIn(owner, OWNER_PASSWORD, '10.4.0.1')).statusCode).toBe(200);
  });

  it('stops one address trying many emails after 20 failures, while others still sign in', async () => {
    for (let i = 1; i <= 20; i++) expect((await signIn(`person${i}@example.com`, 'password123', '10.5.0.1')).statusCode).toBe(401);
    const next = await signIn('person21@example.com', 'password123', '10.5.0.1');
    expect(next.statusCode).toBe(429);
    expect(next.json()).toMatchObject({ problem: 'rate-limited', retryAfterSec: 900 });
    // A real account from the blocked address is refused too, the same account from elsewhere is not.
    expect((await signIn(owner, OWNER_PASSWORD, '10.5.0.1')).statusCode).toBe(429);
    expect((await signIn(owner, OWNER_PASSWORD, '10.5.0.2')).statusCode).toBe(200);
    server.clock.advance(THROTTLE_RULES.address.lockMs);
    expect((await signIn(owner, OWNER_PASSWORD, '10.5.0.1')).statusCode).toBe(200);
  });

  it('does not let an attacker reset their address count by signing in to an account of their own', async () => {
    const mine = await agentWithPassword(server, (await server.db.database.db.selectFrom('agent_group').select('id').executeTakeFirstOrThrow()).id, 'my own password');
    for (let i = 1; i <= 19; i++) await signIn(`victim${i}@example.com`, 'password123', '10.6.0.1');
    expect((await signIn(mine.email, 'my own password', '10.6.0.1')).statusCode).toBe(200);
    await signIn('victim20@example.com', 'password123', '10.6.0.1');
    expect((await signIn('victim21@example.com', 'password123', '10.6.0.1')).statusCode).toBe(429);
  });

  it('counts failures on every replica together', async () => {
    const other = openDatabase(server.db.location);
    const replica = await buildServer(createServerContext({ database: other, config: server.config, clock: server.clock }));
    try {
      // Simultaneous guesses spread over two servers: none of the counts may be lost.
      const guesses = Array.from({ length: 5 }, (_, i) =>
        (i % 2 ? replica : server.app).inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: owner, password: `parallel ${i}` }, remoteAddress: '10.7.0.1' }),
      );
      expect((await Promise.all(guesses)).map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
      const row = await server.db.database.db.selectFrom('throttle').selectAll().where('key', '=', `account:${owner}`).executeTakeFirstOrThrow();
      expect(row.failures).toBe(5);
      const fromReplica = await replica.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: owner, password: OWNER_PASSWORD }, remoteAddress: '10.7.0.2' });
      expect(fromReplica.statusCode).toBe(429);
    } finally {
      await replica.close();
      await other.close();
    }
  });

  it('keeps the throttle table to the keys that still matter', async () => {
    for (let i = 1; i <= 3; i++) await signIn(`sprayed${i}@example.com`, 'password123', `10.8.0.${i}`);
    server.clock.advance(THROTTLE_RULES.account.windowMs + 1);
    await signIn('latest@example.com', 'password123', '10.8.0.9');
    const keys = (await server.db.database.db.selectFrom('throttle').select('key').execute()).map((r) => r.key).sort();
    expect(keys).toEqual(['account:latest@example.com', 'address:10.8.0.9']);
  });
});
