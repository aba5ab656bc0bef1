import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkedEmitter } from '../../../../main/ipc/checked-emitter';
import { events } from '../../../../preload/contract';
import type { EngineCommand } from '../../../../common/schemas/engine';
import { appSnapshotSchema, type AppSnapshot } from '../../../../common/schemas/snapshot';
import { FakeClock } from '../../../fakes/fake-clock';
import { FakeVault } from '../../../fakes/fake-vault';
import { createTestRingdesk } from '../../../fakes/test-ringdesk';

/**
 * What main's real services send the window goes through the checked
 * emitter as in a dev build: none of it may be dropped, or the window would
 * wait for a snapshot or a command that never comes.
 */

const account = {
  fields: {
    displayName: 'Alice Agent',
    sipUser: '1001',
    authUser: 'alice',
    domain: 'pbx.example.com',
    realm: 'asterisk',
    wsServer: 'wss://pbx.example.com:8089/ws',
    iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'alice', credential: 'turn-secret' }, { urls: 'stun:stun.example.com' }],
  },
  password: 'pass1001',
};
const own = { webContentsId: 1, frameUrl: 'ringdesk://app/index.html', isMainFrame: true };
const settle = () => new Promise((r) => setTimeout(r, 0));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-events-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function start(vault = new FakeVault()) {
  const clock = new FakeClock();
  const t = await createTestRingdesk({ dir, clock, vault, random: () => 0.5 });
  const snapshots: AppSnapshot[] = [];
  const commands: EngineCommand[] = [];
  const refused: string[] = [];
  t.ringdesk.attachRenderer(
    checkedEmitter(
      (channel, payload) => {
        if (channel === events.snapshot.channel) snapshots.push(payload as AppSnapshot);
        if (channel === events.engineCommand.channel) commands.push(payload as EngineCommand);
      },
      (channel, problem) => refused.push(`${channel} ${problem}`),
    ),
  );
  await t.ringdesk.handlers.engine.ready(undefined, own);
  return { ...t, clock, snapshots, commands, refused };
}

describe('snapshots and engine commands main really sends', () => {
  it('all pass the contract, from first run through failures, presence changes and quit', async () => {
    const t = await start(new FakeVault('weak'));
    const report = (r: Parameters<typeof t.ringdesk.handlers.engine.report>[0]) => t.ringdesk.handlers.engine.report(r, own);

    // Nothing is pushed before something changes: the first-run snapshot is the one the window asks for.
    expect(appSnapshotSchema.safeParse(await t.ringdesk.snapshot()).error).toBeUndefined();
    await t.ringdesk.handlers.account.save(account, own);
    await report({ state: 'registering' });
    await report({ state: 'registered', expiresInSec: 300 });
    await t.ringdesk.handlers.presence.set('dnd', own);
    await report({ state: 'failed', cause: 'server', statusCode: 503, detail: { code: 'server.refused', reason: 'Service Unavailable' }, retryAfterSec: 30 });
    await settle();
    t.clock.advance(60_000);
    await report({ state: 'failed', cause: 'network', detail: { code: 'network.silent', silentForSec: 35 } });
    await settle();
    t.clock.advance(60_000);
    await report({ state: 'registered', expiresInSec: 300 });
    t.clock.advance(301_000); // the refresh never came: main's own failure
    await settle();
    await report({ state: 'failed', cause: 'auth', statusCode: 401, detail: { code: 'auth.realm-mismatch', realm: 'pbx', expectedRealm: 'asterisk' } });
    await settle();
    await t.ringdesk.handlers.registration.retryNow(undefined, own);
    await t.ringdesk.handlers.preferences.update({ defaultCountry: 'DE', audio: { microphone: { id: 'm1', label: 'Headset' }, speaker: null, ringer: null, ringOnSpeakerToo: true } }, own);
    await t.ringdesk.handlers.app.dismissNotice({ id: 'weak-keyring' }, own);
    await t.ringdesk.handlers.presence.set('offline', own);
    await settle();

    expect(t.refused).toEqual([]);
    // It did go through every kind of state, with a real account summary and notice in it.
    const statuses = new Set(t.snapshots.map((s) => s.registration.status));
    expect([...statuses]).toEqual(expect.arrayContaining(['registering', 'registered', 'reconnecting', 'failed', 'offline']));
    expect(t.snapshots.some((s) => s.account?.fields.iceServers[0]?.hasCredential === true)).toBe(true);
    expect(t.snapshots.some((s) => s.notices.some((n) => n.id === 'weak-keyring'))).toBe(true);
    expect(new Set(t.commands.map((c) => c.type))).toEqual(new Set(['register', 'reconnect', 'set-incoming', 'unregister']));
    expect(t.commands.find((c) => c.type === 'register')).toMatchObject({ account: { instanceId: expect.any(String), iceServers: [{ credential: 'turn-secret' }, {}] } });
  });

  it('passes with the notice of a settings file that had to be set aside', async () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ not json');
    const t = await start();
    await t.ringdesk.handlers.presence.set('available', own);
    await settle();
    expect(t.refused).toEqual([]);
    expect(t.snapshots.at(-1)?.notices[0]).toMatchObject({ id: 'settings-recovered', params: { problem: 'invalid-json', backup: expect.any(String) } });
  });
});
