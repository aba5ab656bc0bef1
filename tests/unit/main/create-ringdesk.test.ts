import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../main/services/user-facing-error';
import { digestHa1 } from '../../../main/services/account-service';
import type { EngineCommand } from '../../../common/schemas/engine';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeVault } from '../../fakes/fake-vault';
import { createTestRingdesk } from '../../fakes/test-ringdesk';

const account = {
  fields: { displayName: 'Alice Agent', sipUser: 'sip:1001@127.0.0.1', authUser: '', domain: '', realm: '', wsServer: 'ws://127.0.0.1:8080', iceServers: [] },
  password: 'pass1001',
};

let dir: string;
let clock: FakeClock;

async function start(vault = new FakeVault()) {
  const t = await createTestRingdesk({ dir, clock, vault, random: () => 0.5 });
  const commands: EngineCommand[] = [];
  t.ringdesk.attachRenderer((channel, payload) => {
    if (channel === 'ringdesk:engine:command') commands.push(payload as EngineCommand);
  });
  await t.ringdesk.handlers.engine.ready(undefined, own);
  return { ...t, commands };
}
const own = { webContentsId: 1, frameUrl: 'ringdesk://app/index.html', isMainFrame: true };
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-core-'));
  clock = new FakeClock();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Ringdesk main services', () => {
  it('shows "not set up" in the tray on first run', async () => {
    const { shell } = await start();
    expect(shell.tray.current).toMatchObject({ icon: 'unreachable', tooltip: 'Ringdesk\nNot set up — calls will not ring' });
  });

  it('saves the account with the password encrypted and registers', async () => {
    const t = await start();
    await t.ringdesk.handlers.account.save(account, own);
    const onDisk = fs.readFileSync(path.join(dir, 'settings.json'), 'utf8');
    expect(onDisk).not.toContain('pass1001');
    expect(onDisk).toContain('"sipUser": "sip:1001@127.0.0.1"');
    expect(t.commands.at(-1)).toMatchObject({ type: 'register', account: { aor: 'sip:1001@127.0.0.1' }, incoming: 'ring' });
    expect(t.log.lines.join('\n')).not.toContain('pass1001');
    expect(t.log.lines.join('\n')).not.toContain((t.commands.at(-1) as { account: { authorizationHa1: string } }).account.authorizationHa1);
  });

  it('says Available in the tray once the engine reports registered', async () => {
    const t = await start();
    await t.ringdesk.handlers.account.save(account, own);
    await t.ringdesk.handlers.engine.report({ state: 'registered', expiresInSec: 300 }, own);
    await settle();
    expect(t.shell.tray.current).toMatchObject({ icon: 'available', tooltip: 'Ringdesk — Alice Agent\nAvailable' });
    const snap = await t.ringdesk.snapshot();
    expect(snap.reachability.canReceiveCalls).toBe(true);
  });

  it('keeps presence across restarts and does not register when the agent left it offline', async () => {
    const first = await start();
    await first.ringdesk.handlers.account.save(account, own);
    await first.ringdesk.handlers.presence.set('offline', own);
    const second = await start();
    expect((await second.ringdesk.snapshot()).presence).toBe('offline');
    expect(second.commands).toEqual([]);
    expect(second.shell.tray.current?.icon).toBe('offline');
  });

  it('changes presence from the tray menu', async () => {
    const t = await start();
    await t.ringdesk.handlers.account.save(account, own);
    await t.ringdesk.handlers.engine.report({ state: 'registered', expiresInSec: 300 }, own);
    t.shell.tray.click('Do Not Disturb');
    await settle();
    expect(t.commands.at(-1)).toEqual({ type: 'set-incoming', incoming: 'busy' });
    expect(t.shell.tray.current?.icon).toBe('dnd');
  });

  it('notifies once when calls stop ringing and withdraws it when reconnected', async () => {
    const t = await start();
    await t.ringdesk.handlers.account.save(account, own);
    await t.ringdesk.handlers.engine.report({ state: 'registered', expiresInSec: 300 }, own);
    await t.ringdesk.handlers.engine.report({ state: 'failed', cause: 'network', detail: { code: 'network.lost' } }, own);
    await settle();
    expect(t.shell.notifier.shown).toHaveLength(1);
    expect(t.shell.notifier.shown[0]?.title).toMatch(/Calls will not ring/);
    expect(t.shell.tray.current?.icon).toBe('unreachable');
    clock.advance(1_000);
    await t.ringdesk.handlers.engine.report({ state: 'failed', cause: 'network' }, own);
    await settle();
    expect(t.shell.notifier.shown).toHaveLength(1);
    clock.advance(2_000);
    await t.ringdesk.handlers.engine.report({ state: 'registered', expiresInSec: 300 }, own);
    await settle();
    expect(t.shell.notifier.open.size).toBe(0);
  });

  it('warns when the password is protected only weakly (Linux without a keyring)', async () => {
    const t = await start(new FakeVault('weak'));
    await t.ringdesk.handlers.account.save(account, own);
    const snap = await t.ringdesk.snapshot();
    expect(snap.notices.map((n) => n.id)).toContain('weak-keyring');
    await t.ringdesk.handlers.app.dismissNotice({ id: 'weak-keyring' }, own);
    expect((await t.ringdesk.snapshot()).notices).toEqual([]);
  });

  it('keeps the password in memory only when the OS cannot encrypt, and says so', async () => {
    const t = await start(new FakeVault('none'));
    await t.ringdesk.handlers.account.save(account, own);
    expect(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).not.toContain('pass1001');
    expect(t.commands.at(-1)).toMatchObject({ type: 'register' });
    expect((await t.ringdesk.snapshot()).notices.map((n) => n.id)).toContain('no-keyring');
  });

  it('asks for the password again when the saved one cannot be unlocked', async () => {
    const first = await start();
    await first.ringdesk.handlers.account.save(account, own);
    const settingsFile = path.join(dir, 'settings.json');
    const doc = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    fs.writeFileSync(settingsFile, JSON.stringify({ ...doc, secrets: 'encrypted-by-another-keychain' }));
    const second = await start();
    const snap = await second.ringdesk.snapshot();
    expect(snap.notices.map((n) => n.id)).toContain('secrets-locked');
    expect(snap.account?.hasPassword).toBe(false);
    expect(second.commands).toEqual([]);
  });

  it('unregisters on shutdown and waits for the server, but not forever', async () => {
    const t = await start();
    await t.ringdesk.handlers.account.save(account, own);
    await t.ringdesk.handlers.engine.report({ state: 'registered', expiresInSec: 300 }, own);
    let done = false;
    const shutdown = t.ringdesk.shutdown(3_000).then(() => (done = true));
    expect(t.commands.at(-1)).toEqual({ type: 'unregister' });
    clock.advance(2_999);
    await settle();
    expect(done).toBe(false);
    clock.advance(1);
    await shutdown;
    expect(done).toBe(true);
  });

  it('finishes shutdown as soon as the engine confirms the un-REGISTER', async () => {
    const t = await start();
    await t.ringdesk.handlers.account.save(account, own);
    await t.ringdesk.handlers.engine.report({ state: 'registered', expiresInSec: 300 }, own);
    const shutdown = t.ringdesk.shutdown(3_000);
    await t.ringdesk.handlers.engine.report({ state: 'unregistered' }, own);
    await shutdown;
    expect((await t.ringdesk.snapshot()).registration.status).toBe('offline');
  });
});

describe('the saved password', () => {
  it('is not sent to a different server unless the agent types it again', async () => {
    const t = await start();
    await t.ringdesk.handlers.account.save(account, own);
    const elsewhere = { fields: { ...account.fields, wsServer: 'wss://pbx.attacker.example/ws' } };
    await expect(t.ringdesk.handlers.account.save(elsewhere, own)).rejects.toMatchObject({ fields: { password: 'password-again-for-changed-server' } });
    await expect(t.ringdesk.handlers.account.prepareTest(elsewhere, own)).rejects.toMatchObject({ fields: { password: 'password-needed-for-test' } });
  });

  it('is kept by a save that leaves the password blank on the same server', async () => {
    const t = await start();
    await t.ringdesk.handlers.account.save(account, own);
    type WithAccount = Extract<EngineCommand, { account: unknown }>;
    const registered = t.commands.at(-1) as WithAccount;
    await t.ringdesk.handlers.account.save({ fields: { ...account.fields, displayName: 'Alice A.' } }, own);
    // Main's own command to the engine (register or reconnect) carries the saved password's HA1.
    const again = t.commands.at(-1) as WithAccount;
    expect(again.account).toMatchObject({ displayName: 'Alice A.', authorizationHa1: registered.account.authorizationHa1 });
    expect(registered.account.authorizationHa1).toBe(digestHa1('1001', '127.0.0.1', account.password));
  });

  // Issue 17 item 6: any script in the page can call prepareTest without the
  // agent doing anything, and an HA1 is as good as the password for the realm.
  it('never comes back as an HA1 from Test connection: only a typed password is', async () => {
    const t = await start();
    await t.ringdesk.handlers.account.save(account, own);
    const blank = await t.ringdesk.handlers.account.prepareTest({ fields: { ...account.fields } }, own).catch((error: unknown) => error);
    expect(blank).not.toHaveProperty('authorizationHa1');
    expect(blank).toBeInstanceOf(UserFacingError);
    expect(blank).toMatchObject({ fields: { password: 'password-needed-for-test' } });

    const typed = await t.ringdesk.handlers.account.prepareTest({ ...account, password: 'typed-for-test' }, own);
    expect(typed.authorizationHa1).toBe(digestHa1('1001', '127.0.0.1', 'typed-for-test'));
    expect(typed.authorizationHa1).not.toBe(digestHa1('1001', '127.0.0.1', account.password));
  });

  it('does not let Test connection hand out saved TURN credentials, only typed ones', async () => {
    const t = await start();
    const turn = 'turn:turn.example.com:3478';
    const turns = 'turns:turn.example.com:5349';
    await t.ringdesk.handlers.account.save(
      {
        ...account,
        fields: { ...account.fields, iceServers: [{ urls: turn, username: 'agent', credential: 'saved-turn-secret' }, { urls: turns, username: 'agent', credential: 'saved-turns-secret' }] },
      },
      own,
    );
    expect(JSON.stringify(t.commands.at(-1))).toContain('saved-turn-secret');

    const tested = await t.ringdesk.handlers.account.prepareTest(
      { ...account, fields: { ...account.fields, iceServers: [{ urls: turn, username: 'agent' }, { urls: turns, username: 'agent', credential: 'typed-turns-secret' }] } },
      own,
    );
    expect(tested.iceServers).toEqual([
      { urls: turn, username: 'agent' },
      { urls: turns, username: 'agent', credential: 'typed-turns-secret' },
    ]);
    expect(JSON.stringify(tested)).not.toMatch(/saved-turns?-secret/);
  });
});
