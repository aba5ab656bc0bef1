import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcSender } from '../../../../main/ipc/ipc-registry';
import { registerHandlers } from '../../../../main/ipc/register-handlers';
import { createSenderTrust } from '../../../../main/security/sender-trust';
import { allInvokeSpecs, contract } from '../../../../preload/contract';
import { MemoryIpc } from '../../../fakes/memory-ipc';
import { createTestRingdesk } from '../../../fakes/test-ringdesk';

const APP = 'ringdesk://app';
const own: IpcSender = { webContentsId: 1, frameUrl: `${APP}/index.html`, isMainFrame: true };
const validAccount = {
  fields: { displayName: 'Alice', sipUser: '1001', domain: '127.0.0.1', wsServer: 'ws://127.0.0.1:8080' },
  password: 'pass1001',
};

let dir: string;
let ipc: MemoryIpc;
let t: Awaited<ReturnType<typeof createTestRingdesk>>;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-ipc-'));
  t = await createTestRingdesk({ dir });
  ipc = new MemoryIpc();
  registerHandlers({ registry: ipc, handlers: t.ringdesk.handlers, isTrustedSender: createSenderTrust(APP, () => 1), log: t.log });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('IPC handlers', () => {
  it('registers a handler for every channel of the contract, each prefixed ringdesk:', () => {
    expect(ipc.channels.sort()).toEqual(allInvokeSpecs().map((s) => s.spec.channel).sort());
    for (const channel of ipc.channels) expect(channel).toMatch(/^ringdesk:[a-z-]+:[a-z-]+$/);
  });

  it('answers a malformed payload with a problem code per field instead of throwing', async () => {
    const result = await ipc.invoke(own, contract.account.save.channel, { fields: { displayName: '', sipUser: 'not a user@', wsServer: 'http://x' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const fields = (result as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields['fields.displayName']).toBe('display-name-missing');
    expect(fields['fields.sipUser']).toBe('sip-user-invalid');
    expect(fields['fields.wsServer']).toBe('ws-server-scheme');
  });

  it('refuses ws:// to a remote server but accepts it on this computer', async () => {
    const remote = await ipc.invoke(own, contract.account.prepareTest.channel, {
      ...validAccount,
      fields: { ...validAccount.fields, wsServer: 'ws://pbx.example.com:8080' },
    });
    expect(remote).toMatchObject({ ok: false, error: { fields: { 'fields.wsServer': 'ws-server-insecure' } } });
    const local = await ipc.invoke(own, contract.account.prepareTest.channel, validAccount);
    expect(local).toMatchObject({ ok: true });
  });

  it('answers garbage of any shape with a typed error', async () => {
    for (const payload of [null, 42, 'x', [], { fields: null }, { fields: { iceServers: 'no' } }]) {
      const result = await ipc.invoke(own, contract.account.save.channel, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await ipc.invoke(own, contract.presence.set.channel, 'sleeping')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it.each([
    ['a limit of zero', { limit: 0 }],
    ['a limit beyond a page', { limit: 100_000 }],
    ['a fractional limit', { limit: 2.5 }],
    ['an unknown filter', { filter: 'voicemail' }],
    ['a search longer than anyone types', { search: 'x'.repeat(101) }],
    ['a cursor without its call id', { before: { startedAt: 1 } }],
    ['a cursor that is not a time', { before: { startedAt: 'yesterday', id: 'c1' } }],
    ['a bare string', 'alice'],
    ['null', null],
  ])('answers a history query with %s as invalid input', async (_name, payload) => {
    const result = await ipc.invoke(own, contract.history.query.channel, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: expect.any(Object) } });
  });

  it('answers a history query with defaults filled in', async () => {
    expect(await ipc.invoke(own, contract.history.query.channel, {})).toEqual({ ok: true, value: { entries: [], hasMore: false } });
  });

  it('refuses a call report that is not a call', async () => {
    for (const payload of [null, {}, { id: 'c1', direction: 'sideways' }, { id: '', state: 'ended' }]) {
      expect(await ipc.invoke(own, contract.calls.report.channel, payload)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it.each([
    ['another window', { ...own, webContentsId: 2 }],
    ['an iframe in our window', { ...own, isMainFrame: false }],
    ['a page our window navigated to', { ...own, frameUrl: 'https://evil.example.com/' }],
    ['a frame whose URL is unknown', { ...own, frameUrl: '' }],
  ])('refuses calls from %s', async (_name, sender) => {
    const result = await ipc.invoke(sender, contract.presence.set.channel, 'offline');
    expect(result).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect((await t.ringdesk.snapshot()).presence).toBe('available');
  });

  it('hands the renderer an HA1 digest, never the password', async () => {
    const result = (await ipc.invoke(own, contract.account.prepareTest.channel, validAccount)) as { ok: true; value: Record<string, unknown> };
    // RFC 2617: HA1 = MD5(username:realm:password); realm defaults to the domain.
    expect(result.value.authorizationHa1).toBe(createHash('md5').update('1001:127.0.0.1:pass1001').digest('hex'));
    expect(JSON.stringify(result)).not.toContain('pass1001');
  });

  it('gives a page asking to test the saved account no HA1: the password must be typed for the test', async () => {
    expect(await ipc.invoke(own, contract.account.save.channel, validAccount)).toMatchObject({ ok: true });
    const result = await ipc.invoke(own, contract.account.prepareTest.channel, { fields: validAccount.fields });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', fields: { password: 'password-needed-for-test' } },
    });
    expect(JSON.stringify(result)).not.toContain(createHash('md5').update('1001:127.0.0.1:pass1001').digest('hex'));
  });

  it('asks for the password when none is saved yet', async () => {
    const result = await ipc.invoke(own, contract.account.save.channel, { fields: validAccount.fields });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { password: 'password-missing' } } });
  });
});
