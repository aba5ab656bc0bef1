import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LinkOpened } from '../../../../common/schemas/app-link';
import { listenForAppLinks } from '../../../../main/adapters/electron-app-links';
import { createAppLinkIntake, type LinkSession } from '../../../../main/services/app-links';
import { events } from '../../../../preload/contract';
import { FakeElectronApp } from '../../../fakes/fake-shell';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { createTestRingdesk } from '../../../fakes/test-ringdesk';

const own = { webContentsId: 1, frameUrl: 'ringdesk://app/index.html', isMainFrame: true };
const signInLink = (workspace: string, email = 'cara@demo.test') =>
  `ringdesk://sign-in?workspace=${encodeURIComponent(workspace)}&email=${encodeURIComponent(email)}`;

/** The intake over a session the test sets, with what reached the window and how often it was shown. */
function intake(session: LinkSession) {
  const sent: LinkOpened[] = [];
  const log = new MemoryLogger();
  let shown = 0;
  const links = createAppLinkIntake({ session: async () => session, showWindow: () => void shown++, send: (o) => void sent.push(o), log });
  links.takePending(); // the window is listening
  return { links, sent, log, shown: () => shown };
}

describe('a sign-in link, depending on how this computer is connected', () => {
  it('with no account yet, opens the sign-in form filled in and shows the window', async () => {
    const t = intake({ workspaceUrl: null, sipAccount: false });
    await t.links.open(signInLink('https://team.example.com/'));
    expect(t.sent).toEqual([{ kind: 'sign-in', workspace: 'https://team.example.com', email: 'cara@demo.test' }]);
    expect(t.shown()).toBe(1);
  });

  it('signed in to that same workspace, only brings the window forward', async () => {
    const t = intake({ workspaceUrl: 'https://team.example.com', sipAccount: false });
    await t.links.open(signInLink('https://Team.Example.com/'));
    expect(t.sent).toEqual([]);
    expect(t.shown()).toBe(1);
  });

  it('signed in to another workspace, says so and signs nothing out', async () => {
    const t = intake({ workspaceUrl: 'https://ours.example.com', sipAccount: false });
    await t.links.open(signInLink('https://theirs.example.com'));
    expect(t.sent).toEqual([{ kind: 'signed-in-elsewhere', workspace: 'https://theirs.example.com', current: 'https://ours.example.com' }]);
  });

  it('with a SIP account in use, says so and changes nothing', async () => {
    const t = intake({ workspaceUrl: null, sipAccount: true });
    await t.links.open(signInLink('https://team.example.com'));
    expect(t.sent).toEqual([{ kind: 'sip-account-in-use', workspace: 'https://team.example.com' }]);
  });
});

describe('a refused link', () => {
  it('is said, with its code, and the log keeps the code but not the email in the link', async () => {
    const t = intake({ workspaceUrl: null, sipAccount: false });
    await t.links.open(signInLink('http://evil.example.com', 'cara@demo.test'));
    expect(t.sent).toEqual([{ kind: 'refused', refusal: 'workspace-invalid', problem: 'workspace-url-insecure' }]);
    expect(t.shown()).toBe(1);
    expect(t.log.lines).toEqual(['warn link refused: workspace-invalid (workspace-url-insecure)']);
    expect(t.log.lines.join('\n')).not.toContain('cara');
  });
});

describe('a link that comes before the window listens', () => {
  it('waits for the window, which collects the newest one once', async () => {
    const sent: LinkOpened[] = [];
    const links = createAppLinkIntake({ session: async () => ({ workspaceUrl: null, sipAccount: false }), showWindow: () => undefined, send: (o) => void sent.push(o), log: new MemoryLogger() });
    await links.open('javascript:alert(1)');
    await links.open(signInLink('https://team.example.com'));
    expect(sent).toEqual([]);
    expect(links.takePending()).toEqual({ kind: 'sign-in', workspace: 'https://team.example.com', email: 'cara@demo.test' });
    expect(links.takePending()).toBeNull();
    // A reload: held again until the new page listens.
    links.rendererGone();
    await links.open('ringdesk://call');
    expect(sent).toEqual([]);
    expect(links.takePending()).toEqual({ kind: 'refused', refusal: 'unknown-action' });
  });
});

describe("links through Electron's app, into the real main services", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-links-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function start(argv: string[]) {
    const t = await createTestRingdesk({ dir });
    const window: Array<{ channel: string; payload: unknown }> = [];
    t.ringdesk.attachRenderer((channel, payload) => void window.push({ channel, payload }));
    const app = new FakeElectronApp();
    const listener = listenForAppLinks(app, { argv, defaultApp: false, execPath: '/opt/Ringdesk/ringdesk', log: t.log });
    const opened: Array<Promise<void>> = [];
    listener.deliverTo((raw) => void opened.push(t.ringdesk.links.open(raw)));
    const settled = () => Promise.all(opened);
    const linkEvents = () => window.filter((e) => e.channel === events.linkOpened.channel).map((e) => e.payload);
    return { ...t, app, settled, linkEvents };
  }

  it('registers ringdesk: with the OS', async () => {
    const { app } = await start(['/opt/Ringdesk/ringdesk']);
    expect(app.registered).toEqual([{ protocol: 'ringdesk' }]);
  });

  it('started by a link (Windows, Linux), the window collects it when it starts listening', async () => {
    const t = await start(['/opt/Ringdesk/ringdesk', '--no-sandbox', signInLink('https://team.example.com')]);
    await t.settled();
    expect(t.linkEvents()).toEqual([]);
    const pending = await t.ringdesk.handlers.links.takePending(undefined, own);
    expect(pending).toEqual({ kind: 'sign-in', workspace: 'https://team.example.com', email: 'cara@demo.test' });
    expect(t.shell.windowShown).toBe(1);
  });

  it('a link clicked while running (macOS open-url, or a second start elsewhere) reaches the window at once', async () => {
    const t = await start(['/opt/Ringdesk/ringdesk']);
    await t.ringdesk.handlers.links.takePending(undefined, own);
    t.app.openUrl(signInLink('https://team.example.com', 'Cara@Demo.test'));
    t.app.secondInstance(['/opt/Ringdesk/ringdesk', 'ringdesk://sign-in?workspace=ftp%3A%2F%2Fteam.example.com']);
    t.app.secondInstance(['/opt/Ringdesk/ringdesk']); // a plain second start: no link, nothing to say
    await t.settled();
    expect(t.app.prevented).toBe(1);
    expect(t.linkEvents()).toEqual([
      { kind: 'sign-in', workspace: 'https://team.example.com', email: 'cara@demo.test' },
      { kind: 'refused', refusal: 'workspace-invalid', problem: 'workspace-url-scheme' },
    ]);
    expect(t.shell.windowShown).toBe(2);
  });

  it('unpackaged (npm start), registers Electron with the app path, as the OS must start it', async () => {
    const app = new FakeElectronApp();
    listenForAppLinks(app, { argv: ['/repo/node_modules/electron/dist/electron', 'out/main/index.js'], defaultApp: true, execPath: '/repo/node_modules/electron/dist/electron', log: new MemoryLogger() });
    expect(app.registered).toEqual([{ protocol: 'ringdesk', path: '/repo/node_modules/electron/dist/electron', args: [path.resolve('out/main/index.js')] }]);
  });
});
