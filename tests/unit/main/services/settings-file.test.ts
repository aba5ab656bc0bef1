// atomically is the writer under conf and electron-store: used here to leave a real interrupted save behind.
import { writeFileSync as atomicWriteFileSync } from 'atomically';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confStoreFileFactory } from '../../../../main/adapters/conf-store-file';
import { fsQuarantine } from '../../../../main/adapters/fs-quarantine';
import { DEFAULT_SETTINGS } from '../../../../main/domain/settings/settings-document';
import { openSettings } from '../../../../main/services/settings-file';
import { createFileSettingsRepository } from '../../../../main/services/settings-repository';
import { FakeVault } from '../../../fakes/fake-vault';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { expectOwnerOnly } from '../owner-only';

let dir: string;
const vault = new FakeVault();
let log: MemoryLogger;
const file = () => path.join(dir, 'settings.json');
const open = () =>
  openSettings({
    factory: confStoreFileFactory(dir),
    quarantine: fsQuarantine,
    migration: { encryptSecrets: (s) => vault.encrypt(JSON.stringify(s)) },
    now: () => new Date('2026-11-25T09:00:00Z'),
    log: log.warn,
  });

/** A save of the settings file killed after its temporary file was written, before the rename: what is left. */
function interruptedSave(): string {
  let temp = '';
  expect(() =>
    atomicWriteFileSync(file(), '{"presence":"dnd"}', {
      tmpPurge: false,
      tmpCreated: (created) => {
        temp = created;
        throw new Error('killed');
      },
    }),
  ).toThrow('killed');
  expect(fs.existsSync(temp)).toBe(true);
  return path.basename(temp);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-settings-'));
  log = new MemoryLogger();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('settings file', () => {
  it('starts with defaults on first run and writes the schema version', () => {
    const opened = open();
    expect(opened.document).toEqual(DEFAULT_SETTINGS);
    expect(opened.recovery).toBeNull();
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).__internal__.migrations.version).toBe('4.0.0');
  });

  it('creates the file readable and writable by the agent only (0600), and keeps it so when it is saved again', async () => {
    const first = open();
    expectOwnerOnly(file());
    await createFileSettingsRepository(first.file, first.document).update((d) => ({ ...d, presence: 'away' }));
    expectOwnerOnly(file());
  });

  it('makes a file an older Ringdesk left readable by others (0644) owner-only when it next saves it', async () => {
    open();
    fs.chmodSync(file(), 0o644);
    const opened = open();
    await createFileSettingsRepository(opened.file, opened.document).update((d) => ({ ...d, presence: 'dnd' }));
    expectOwnerOnly(file());
  });

  it('keeps what was saved across restarts', async () => {
    const first = open();
    await createFileSettingsRepository(first.file, first.document).update((d) => ({ ...d, presence: 'dnd' }));
    expect(open().document.presence).toBe('dnd');
  });

  it('migrates a version 1 file, encrypting the plain-text password it held', () => {
    fs.writeFileSync(
      file(),
      JSON.stringify({
        sip: { displayName: 'Alice', user: '1001', domain: 'pbx.example.com', server: 'wss://pbx.example.com:8089/ws', password: 'hunter2', iceServers: 'stun:stun.example.com, turn:turn.example.com' },
        dnd: true,
        __internal__: { migrations: { version: '1.0.0' } },
      }),
    );
    const opened = open();
    expect(opened.recovery).toBeNull();
    expect(opened.document.presence).toBe('dnd');
    expect(opened.document.account?.fields).toMatchObject({
      displayName: 'Alice',
      sipUser: '1001',
      domain: 'pbx.example.com',
      wsServer: 'wss://pbx.example.com:8089/ws',
      iceServers: [{ urls: 'stun:stun.example.com' }, { urls: 'turn:turn.example.com' }],
    });
    const onDisk = fs.readFileSync(file(), 'utf8');
    expect(onDisk).not.toContain('hunter2');
    expect(JSON.parse(vault.decrypt(opened.document.secrets!))).toEqual({ sipPassword: 'hunter2', iceCredentials: {} });
    expect(JSON.parse(onDisk).__internal__.migrations.version).toBe('4.0.0');
  });

  it('reads a version 3 file’s US as the old default (follow the computer) and keeps any other country chosen', () => {
    const v3 = (defaultCountry: string) =>
      JSON.stringify({
        ...DEFAULT_SETTINGS,
        preferences: { ...DEFAULT_SETTINGS.preferences, defaultCountry, dtmfMode: 'info' },
        __internal__: { migrations: { version: '3.0.0' } },
      });
    fs.writeFileSync(file(), v3('US'));
    let opened = open();
    expect(opened.recovery).toBeNull();
    expect(opened.document.preferences).toMatchObject({ defaultCountry: null, dtmfMode: 'info' });

    fs.writeFileSync(file(), v3('GB'));
    opened = open();
    expect(opened.recovery).toBeNull();
    expect(opened.document.preferences).toMatchObject({ defaultCountry: 'GB', dtmfMode: 'info' });
  });

  it('moves a file that is not JSON aside, tells the agent, and starts fresh', () => {
    fs.writeFileSync(file(), '{"presence": "dnd", oops');
    const opened = open();
    expect(opened.document).toEqual(DEFAULT_SETTINGS);
    const backup = path.join(dir, 'settings.broken-2026-11-25T09-00-00-000Z.json');
    expect(fs.readFileSync(backup, 'utf8')).toBe('{"presence": "dnd", oops');
    expect(opened.recovery).toEqual({ id: 'settings-recovered', tone: 'warning', params: { problem: 'invalid-json', backup } });
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).presence).toBe('available');
  });

  it('moves a hand-edited file with wrong values aside instead of using it', () => {
    fs.writeFileSync(file(), JSON.stringify({ presence: 'sleeping', account: null, secrets: null, window: null, __internal__: { migrations: { version: '2.0.0' } } }));
    const opened = open();
    expect(opened.document.presence).toBe('available');
    expect(opened.recovery?.params).toMatchObject({ problem: 'wrong-layout', detail: 'presence' });
    expect(fs.readdirSync(dir).filter((f) => f.includes('broken'))).toHaveLength(1);
  });

  it('never writes an invalid document', async () => {
    const opened = open();
    const repo = createFileSettingsRepository(opened.file, opened.document);
    await expect(repo.update((d) => ({ ...d, presence: 'busy' as never }))).rejects.toThrow();
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).presence).toBe('available');
    await repo.update((d) => ({ ...d, presence: 'away' }));
    expect((await repo.load()).presence).toBe('away');
  });
});

describe('temporary files of saves cut short', () => {
  it('removes those a killed save left beside the settings file, and nothing else', () => {
    open();
    const leftovers = [interruptedSave(), 'settings.json.tmp-1764061200a1b2c3', 'settings.json.tmp-0000000000ffffff'];
    for (const name of leftovers.slice(1)) fs.writeFileSync(path.join(dir, name), '{"presence":');
    const kept = [
      'settings.broken-2026-11-25T09-00-00-000Z.json',
      'notes.txt',
      'history.jsonl',
      'settings.json.tmp',
      'settings.json.tmp-123',
      'settings.json.tmp-1764061200A1B2C3',
      'settings.json.tmp-1764061200a1b2c3.bak',
      'settings.json.tmp-1764061200a1b2c3x',
      'old-settings.json.tmp-1764061200a1b2c3',
      'other.json.tmp-1764061200a1b2c3',
    ];
    for (const name of kept) fs.writeFileSync(path.join(dir, name), 'keep me');
    fs.mkdirSync(path.join(dir, 'settings.json.tmp-1764061200dddddd')); // not a file a save writes
    kept.push('settings.json.tmp-1764061200dddddd');

    const opened = open();
    expect(opened.recovery).toBeNull();
    expect(fs.readdirSync(dir).sort()).toEqual([...kept, 'settings.json'].sort());
    for (const name of kept.slice(0, -1)) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe('keep me');
    expect(log.lines.join('\n')).toMatch(/removed 3 temporary file\(s\) left by a save that was cut short/);
  });

  it('starts normally when there is nothing to remove', () => {
    open();
    open();
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
    expect(log.lines.join('\n')).not.toMatch(/temporary file/);
  });
});

describe('settings file that cannot be read right now', () => {
  it('leaves a locked file alone and says what to do, instead of starting without the account', () => {
    fs.writeFileSync(file(), JSON.stringify({ presence: 'dnd' }));
    const locked = Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    const factory = { ...confStoreFileFactory(dir), open: () => { throw locked; } };
    expect(() =>
      openSettings({ factory, quarantine: fsQuarantine, migration: { encryptSecrets: () => null }, now: () => new Date(), log: () => undefined }),
    ).toThrow(/cannot open its settings file .*EBUSY.*Nothing was changed/);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });
});
