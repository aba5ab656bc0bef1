import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineCommand } from '../../../../common/schemas/engine';
import { FakeClock } from '../../../fakes/fake-clock';
import { createTestRingdesk } from '../../../fakes/test-ringdesk';

const account = {
  fields: { displayName: 'Alice Agent', sipUser: 'sip:1001@127.0.0.1', authUser: '', domain: '', realm: '', wsServer: 'ws://127.0.0.1:8080', iceServers: [] },
  password: 'pass1001',
};
const own = { webContentsId: 1, frameUrl: 'ringdesk://app/index.html', isMainFrame: true };
const dirs: string[] = [];
let clock: FakeClock;

/** Starts main's services on `dir` and returns the instance id of the first register command. */
async function instanceIdOf(dir: string, save: boolean): Promise<string | undefined> {
  const t = await createTestRingdesk({ dir, clock, random: () => 0.5 });
  const commands: EngineCommand[] = [];
  t.ringdesk.attachRenderer((channel, payload) => {
    if (channel === 'ringdesk:engine:command') commands.push(payload as EngineCommand);
  });
  await t.ringdesk.handlers.engine.ready(undefined, own);
  if (save) await t.ringdesk.handlers.account.save(account, own);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const register = commands.find((c) => c.type === 'register' || c.type === 'reconnect');
  return register && 'account' in register ? register.account.instanceId : undefined;
}

function newDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-account-'));
  dirs.push(dir);
  return dir;
}

beforeEach(() => {
  clock = new FakeClock();
});
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('the SIP instance id of an installation', () => {
  it('is made once, saved, and sent with every registration after a restart', async () => {
    const dir = newDir();
    const first = await instanceIdOf(dir, true);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).instanceId).toBe(first);
    expect(await instanceIdOf(dir, false)).toBe(first);
  });

  it('differs between installations', async () => {
    expect(await instanceIdOf(newDir(), true)).not.toBe(await instanceIdOf(newDir(), true));
  });

  it('is never given to a connection test, which must not replace the live binding', async () => {
    const t = await createTestRingdesk({ dir: newDir(), clock, random: () => 0.5 });
    await t.ringdesk.handlers.account.save(account, own);
    const probe = await t.ringdesk.handlers.account.prepareTest(account, own);
    expect(probe).not.toHaveProperty('instanceId');
  });
});
