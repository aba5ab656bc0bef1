import { beforeEach, describe, expect, it } from 'vitest';
import { RegistrationLifecycle } from '../../../../main/domain/registration-lifecycle';
import type { EngineCommand } from '../../../../common/schemas/engine';
import type { RegistrationView } from '../../../../common/schemas/registration';
import { anEngineAccount as engineAccount } from '../../../fakes/app-snapshots';
import { FakeClock } from '../../../fakes/fake-clock';

function setup(random = () => 0.5) {
  const clock = new FakeClock();
  const commands: EngineCommand[] = [];
  const views: RegistrationView[] = [];
  const lifecycle = new RegistrationLifecycle({
    clock,
    random,
    send: (c) => commands.push(c),
    onChange: (v) => views.push(v),
  });
  const types = () => commands.map((c) => c.type);
  return { clock, commands, views, lifecycle, types };
}

/** An app that has an account, wants to be available and has a live renderer. */
function ready(random?: () => number) {
  const t = setup(random);
  t.lifecycle.setPresence('available');
  t.lifecycle.setAccount(engineAccount());
  t.lifecycle.rendererReady();
  return t;
}

describe('registration lifecycle', () => {
  let t: ReturnType<typeof ready>;
  beforeEach(() => {
    t = ready();
  });

  it('registers once the renderer engine is ready, ringing normally', () => {
    expect(t.commands).toEqual([{ type: 'register', account: engineAccount(), incoming: 'ring' }]);
    expect(t.lifecycle.current.status).toBe('registering');
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 });
    expect(t.lifecycle.current).toEqual({ status: 'registered', since: t.clock.now() });
  });

  it('waits for the renderer before registering', () => {
    const s = setup();
    s.lifecycle.setPresence('available');
    s.lifecycle.setAccount(engineAccount());
    expect(s.commands).toEqual([]);
    expect(s.lifecycle.current.status).toBe('starting');
  });

  it('asks for setup when there is no account', () => {
    const s = setup();
    s.lifecycle.setPresence('available');
    s.lifecycle.rendererReady();
    expect(s.commands).toEqual([]);
    expect(s.lifecycle.current.status).toBe('no-account');
  });

  it('backs off exponentially with jitter after network failures, up to the cap', () => {
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      t.lifecycle.report({ state: 'failed', cause: 'network' });
      const view = t.lifecycle.current;
      if (view.status !== 'reconnecting') throw new Error(`expected reconnecting, got ${view.status}`);
      delays.push(view.nextAttemptAt - t.clock.now());
      const before = t.commands.length;
      t.clock.advance(view.nextAttemptAt - t.clock.now() - 1);
      expect(t.commands.length).toBe(before);
      t.clock.advance(1);
      expect(t.commands.at(-1)?.type).toBe('reconnect');
    }
    // random() = 0.5 → 75 % of the exponential step: 1 s, 2 s, 4 s … capped at 60 s.
    expect(delays).toEqual([750, 1500, 3000, 6000, 12000, 24000, 45000, 45000, 45000]);
  });

  it('spreads retries with jitter between half and all of the step', () => {
    const low = ready(() => 0);
    const high = ready(() => 0.999999);
    for (const s of [low, high]) s.lifecycle.report({ state: 'failed', cause: 'network' });
    const wait = (s: typeof low) => (s.lifecycle.current as { nextAttemptAt: number }).nextAttemptAt - s.clock.now();
    expect(wait(low)).toBe(500);
    expect(wait(high)).toBe(1000);
  });

  it('backs off slowly after server errors, from about 30 s up to 30 min (RFC 5626)', () => {
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      t.lifecycle.report({ state: 'failed', cause: 'server', statusCode: 500 });
      const view = t.lifecycle.current as { nextAttemptAt: number };
      delays.push(view.nextAttemptAt - t.clock.now());
      t.clock.advance(view.nextAttemptAt - t.clock.now());
    }
    // random() = 0.5 → 75 % of 30 s, 60 s, 120 s … capped at 30 min
    expect(delays).toEqual([22_500, 45_000, 90_000, 180_000, 360_000, 720_000, 1_350_000, 1_350_000, 1_350_000]);
  });

  it('waits as long as the server asked with Retry-After, and not a moment less', () => {
    t.lifecycle.report({ state: 'failed', cause: 'server', statusCode: 503, retryAfterSec: 30 });
    const view = t.lifecycle.current;
    expect(view).toMatchObject({ status: 'reconnecting', cause: 'server', statusCode: 503 });
    expect(view).not.toHaveProperty('retryAfterSec');
    const wait = (view as { nextAttemptAt: number }).nextAttemptAt - t.clock.now();
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThanOrEqual(33_000);
    t.clock.advance(29_999);
    expect(t.types()).toEqual(['register']);
    t.clock.advance(wait - 29_999);
    expect(t.types()).toEqual(['register', 'reconnect']);
  });

  it('honours a short Retry-After even when the back-off would be longer, and caps a huge one at 30 min', () => {
    for (let i = 0; i < 5; i++) {
      t.lifecycle.report({ state: 'failed', cause: 'server', statusCode: 500 });
      t.clock.advance(30 * 60_000);
    }
    t.lifecycle.report({ state: 'failed', cause: 'server', statusCode: 503, retryAfterSec: 5 });
    const short = (t.lifecycle.current as { nextAttemptAt: number }).nextAttemptAt - t.clock.now();
    expect(short).toBeGreaterThanOrEqual(5_000);
    expect(short).toBeLessThanOrEqual(5_500);
    t.clock.advance(short);
    t.lifecycle.report({ state: 'failed', cause: 'server', statusCode: 503, retryAfterSec: 86_400 });
    expect((t.lifecycle.current as { nextAttemptAt: number }).nextAttemptAt - t.clock.now()).toBe(30 * 60_000);
  });

  it('still reconnects at once when the network returns or the computer wakes, whatever the server asked', () => {
    t.lifecycle.report({ state: 'failed', cause: 'server', statusCode: 503, retryAfterSec: 600 });
    t.lifecycle.setOnline(false);
    t.lifecycle.setOnline(true);
    expect(t.types()).toEqual(['register', 'reconnect']);
    t.lifecycle.report({ state: 'failed', cause: 'server', statusCode: 503, retryAfterSec: 600 });
    t.lifecycle.resume();
    expect(t.types()).toEqual(['register', 'reconnect', 'reconnect']);
  });

  it('stops retrying after wrong credentials and says so', () => {
    t.lifecycle.report({ state: 'failed', cause: 'auth', statusCode: 403 });
    expect(t.lifecycle.current).toEqual({ status: 'failed', cause: 'auth', statusCode: 403 });
    t.clock.advance(10 * 60_000);
    expect(t.types()).toEqual(['register']);
  });

  it('tries again after wrong credentials when the agent saves a new account', () => {
    t.lifecycle.report({ state: 'failed', cause: 'auth', statusCode: 401 });
    t.lifecycle.setAccount(engineAccount({ authorizationHa1: 'ffffffffffffffffffffffffffffffff' }));
    expect(t.types()).toEqual(['register', 'reconnect']);
    expect(t.lifecycle.current.status).toBe('registering');
  });

  it('retries at once when the agent presses retry now, clearing the back-off', () => {
    for (let i = 0; i < 4; i++) {
      t.lifecycle.report({ state: 'failed', cause: 'network' });
      t.clock.advance(60_000);
    }
    t.lifecycle.report({ state: 'failed', cause: 'network' });
    t.lifecycle.retryNow();
    expect(t.commands.at(-1)?.type).toBe('reconnect');
    t.lifecycle.report({ state: 'failed', cause: 'network' });
    expect((t.lifecycle.current as { attempt: number }).attempt).toBe(1);
  });

  it('counts an unanswered attempt as a timeout and retries', () => {
    t.clock.advance(20_000);
    expect(t.lifecycle.current).toMatchObject({ status: 'reconnecting', cause: 'timeout', attempt: 1 });
  });

  it('reconnects when a registration lapses without a refresh', () => {
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 });
    t.clock.advance(240_000);
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 }); // refreshed in time
    t.clock.advance(299_000);
    expect(t.lifecycle.current.status).toBe('registered');
    t.clock.advance(1_000);
    expect(t.lifecycle.current).toMatchObject({ status: 'reconnecting', cause: 'timeout' });
  });

  it('unregisters when the agent goes offline and registers again when available', () => {
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 });
    t.lifecycle.setPresence('offline');
    expect(t.commands.at(-1)).toEqual({ type: 'unregister' });
    t.lifecycle.report({ state: 'unregistered' });
    expect(t.lifecycle.current.status).toBe('offline');
    t.clock.advance(3_600_000);
    expect(t.types()).toEqual(['register', 'unregister']);
    t.lifecycle.setPresence('available');
    expect(t.commands.at(-1)).toMatchObject({ type: 'register' });
  });

  it('stays registered in do not disturb and tells the engine to answer busy', () => {
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 });
    t.lifecycle.setPresence('dnd');
    expect(t.commands.at(-1)).toEqual({ type: 'set-incoming', incoming: 'busy' });
    expect(t.lifecycle.current.status).toBe('registered');
    t.lifecycle.setPresence('away');
    expect(t.commands.at(-1)).toEqual({ type: 'set-incoming', incoming: 'ring' });
  });

  it('waits for the network instead of retrying while offline, then reconnects at once', () => {
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 });
    t.lifecycle.setOnline(false);
    t.lifecycle.report({ state: 'failed', cause: 'network' });
    expect(t.lifecycle.current.status).toBe('waiting-for-network');
    t.clock.advance(600_000);
    expect(t.types()).toEqual(['register']);
    t.lifecycle.setOnline(true);
    expect(t.types()).toEqual(['register', 'reconnect']);
  });

  it('reconnects immediately on resume from sleep, even if it believed it was registered', () => {
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 });
    t.lifecycle.suspend();
    expect(t.lifecycle.current.status).toBe('suspended');
    t.clock.advance(8 * 3_600_000); // a night asleep: no lapse timers fire meanwhile
    expect(t.types()).toEqual(['register']);
    t.lifecycle.resume();
    expect(t.types()).toEqual(['register', 'reconnect']);
    expect(t.lifecycle.current.status).toBe('registering');
  });

  it('reconnects on resume even when the OS sent no suspend first', () => {
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 });
    t.lifecycle.resume();
    expect(t.types()).toEqual(['register', 'reconnect']);
  });

  it('registers afresh after the renderer reloads', () => {
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 });
    t.lifecycle.rendererGone();
    expect(t.lifecycle.current.status).toBe('starting');
    t.lifecycle.rendererReady();
    expect(t.types()).toEqual(['register', 'register']);
  });

  it('unregisters before quit and becomes quiescent when the engine confirms', () => {
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 });
    t.lifecycle.beginQuit();
    expect(t.commands.at(-1)).toEqual({ type: 'unregister' });
    expect(t.lifecycle.current.status).toBe('unregistering');
    expect(t.lifecycle.quiescent).toBe(false);
    t.lifecycle.report({ state: 'unregistered' });
    expect(t.lifecycle.quiescent).toBe(true);
  });

  it('retries when the server drops the registration unexpectedly', () => {
    t.lifecycle.report({ state: 'registered', expiresInSec: 300 });
    t.lifecycle.report({ state: 'unregistered' });
    expect(t.lifecycle.current).toMatchObject({ status: 'reconnecting', cause: 'server' });
  });

  it('leaves no timers behind once offline', () => {
    t.lifecycle.report({ state: 'failed', cause: 'network' });
    t.lifecycle.setPresence('offline');
    expect(t.clock.pendingTimers).toBe(0);
  });
});
