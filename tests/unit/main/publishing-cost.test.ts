import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeVault } from '../../fakes/fake-vault';
import { createTestRingdesk } from '../../fakes/test-ringdesk';

const account = {
  fields: { displayName: 'Alice Agent', sipUser: 'sip:1001@127.0.0.1', authUser: '', domain: '', realm: '', wsServer: 'ws://127.0.0.1:8080', iceServers: [] },
  password: 'pass1001',
};
const own = { webContentsId: 1, frameUrl: 'ringdesk://app/index.html', isMainFrame: true };
const settle = () => new Promise((r) => setTimeout(r, 0));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-publish-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function registered(vault = new FakeVault()) {
  const t = await createTestRingdesk({ dir, clock: new FakeClock(), vault, random: () => 0.5 });
  t.ringdesk.attachRenderer(() => {});
  await t.ringdesk.handlers.engine.ready(undefined, own);
  await t.ringdesk.handlers.account.save(account, own);
  await t.ringdesk.handlers.engine.report({ state: 'registered', expiresInSec: 300 }, own);
  await settle();
  return t;
}

describe('publishing state', () => {
  it('decrypts the secrets at most once for many registration and presence changes', async () => {
    const t = await registered();
    t.vault.decryptions = 0;
    for (let i = 0; i < 5; i++) {
      await t.ringdesk.handlers.presence.set(i % 2 ? 'available' : 'away', own);
      await t.ringdesk.handlers.engine.report({ state: 'failed', cause: 'network' }, own);
      await t.ringdesk.handlers.engine.report({ state: 'registered', expiresInSec: 300 }, own);
      await settle();
    }
    expect(t.vault.decryptions).toBeLessThanOrEqual(1);
    expect((await t.ringdesk.snapshot()).account).toMatchObject({ displayName: 'Alice Agent', hasPassword: true });
  });

  it('reads the secrets again after the account is saved, and when the vault changes', async () => {
    const vault = new FakeVault();
    const t = await registered(vault);
    await t.ringdesk.handlers.account.save({ ...account, fields: { ...account.fields, displayName: 'Alice B' } }, own);
    expect((await t.ringdesk.snapshot()).account).toMatchObject({ displayName: 'Alice B', hasPassword: true });
    vault.decryptions = 0;
    vault.level = 'weak';
    const snap = await t.ringdesk.snapshot();
    expect(vault.decryptions).toBe(1);
    expect(snap.notices.map((n) => n.id)).toContain('weak-keyring');
  });

  it('redraws the tray only when what it shows changed', async () => {
    const t = await registered();
    const before = t.shell.tray.history.length;
    for (let i = 0; i < 3; i++) await t.ringdesk.handlers.app.dismissNotice({ id: 'nothing-to-dismiss' }, own);
    await t.ringdesk.handlers.preferences.update({}, own);
    expect(t.shell.tray.history.length).toBe(before);
    await t.ringdesk.handlers.presence.set('away', own);
    expect(t.shell.tray.history.length).toBe(before + 1);
    expect(t.shell.tray.current).toMatchObject({ icon: 'away' });
  });
});
