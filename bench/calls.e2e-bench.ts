import { expect, type Page } from '@playwright/test';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HISTORY_FILE_NAME } from '../main/services/call-history/file-history-store';
import { setUpAndRegister } from '../tests/e2e/support/account-steps';
import type { AppInstance } from '../tests/support/app-instance';
import { test } from '../tests/support/fixtures';
import type { KamailioHandle } from '../tests/support/kamailio/kamailio.mjs';
import { callPanel, dial, expectConnected, registeredAgents } from '../tests/e2e/support/call-steps';
import { callSnapshot } from '../tests/fakes/call-snapshots';
import { historyEntryNumber } from './history-fixture';
import { report } from './stats';

/**
 * Call benchmarks over the e2e harness (real renderer in Chromium, real
 * main services, real Kamailio). Prints medians; asserts nothing about time.
 * Run: npm run bench:calls  (BENCH_CALLS=N sets the leak-check call count, default 200).
 */
const ROUNDS = 15;
const LEAK_CALLS = Number(process.env.BENCH_CALLS ?? 200);
const results: string[] = [];
/** Poll every 5 ms: the default back-off would dominate the figures. */
const FAST = { intervals: [5] };

const inviteTimes = async (kamailio: KamailioHandle, from: string) =>
  (await kamailio.logLines()).filter((e) => e.event === 'INVITE' && e.from === from && !e.indialog).map((e) => e.ts * 1000);
const replyTimes = async (kamailio: KamailioHandle, code: number) =>
  (await kamailio.logLines()).filter((e) => e.event === 'REPLY' && e.method === 'INVITE' && e.code === code && !e.local).map((e) => e.ts * 1000);

async function endAll(...apps: AppInstance[]): Promise<void> {
  for (const app of apps) {
    for (const button of await app.page.getByRole('button', { name: /^(Hang up|Decline)$/ }).all()) await button.click().catch(() => undefined);
  }
  for (const app of apps) await expect(app.page.getByTestId('call-panel').filter({ hasNot: app.page.getByTestId('call-timer') })).toHaveCount(0, { timeout: 15_000 }).catch(() => undefined);
  for (const app of apps) await expect.poll(() => app.probe.openPeerConnections(), { timeout: 15_000 }).toBe(0);
}

/** A UDP port on which nothing answers: a STUN server that never replies. */
async function silentUdpPort(): Promise<{ port: number; close(): void }> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  socket.on('message', () => undefined);
  return { port: socket.address().port, close: () => socket.close() };
}

async function measureDial(kamailio: KamailioHandle, alice: AppInstance, bob: AppInstance, label: string): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const before = (await inviteTimes(kamailio, '1001')).length;
    await alice.page.getByLabel('Number or SIP address').fill('1002');
    const callButton = alice.page.getByRole('button', { name: 'Call', exact: true });
    await callButton.waitFor();
    const clickedAt = Date.now();
    await callButton.click();
    await expect.poll(async () => (await inviteTimes(kamailio, '1001')).length, FAST).toBeGreaterThan(before);
    samples.push((await inviteTimes(kamailio, '1001'))[before]! - clickedAt);
    await endAll(alice, bob);
  }
  results.push(report(`click Call → INVITE on the wire (${label})`, samples));
}

test('call benchmarks', async ({ launch, kamailio }) => {
  const [alice, bob] = await registeredAgents(launch, kamailio, ['1001', '1002']);
  await alice!.page.getByRole('tab', { name: 'Phone' }).click();

  await measureDial(kamailio, alice!, bob!, 'no ICE servers');

  const stun = await silentUdpPort();
  const saved = await alice!.ringdesk.snapshot();
  await alice!.ringdesk.handlers.account.save(
    { fields: { ...saved.account!.fields, iceServers: [{ urls: `stun:127.0.0.1:${stun.port}` }] } },
    { webContentsId: 1, frameUrl: alice!.page.url(), isMainFrame: true },
  );
  await expect(alice!.page.getByTestId('registration-status')).toHaveText('Registered');
  await measureDial(kamailio, alice!, bob!, 'STUN server that never answers');
  stun.close();

  // Incoming: INVITE reaches the proxy → ringtone playing / notification shown; answer → 200 on the wire.
  const ring: number[] = [];
  const notify: number[] = [];
  const answered: number[] = [];
  const established: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const invitesBefore = (await inviteTimes(kamailio, '1001')).length;
    const playsBefore = (await bob!.probe.plays()).filter((p) => p.id === 'ringtone').length;
    const shownBefore = bob!.shell.notifier.shown.length;
    const okBefore = (await replyTimes(kamailio, 200)).length;
    await dial(alice!.page, '1002');
    await expect.poll(() => bob!.shell.notifier.shown.length, FAST).toBeGreaterThan(shownBefore);
    await expect.poll(async () => (await bob!.probe.plays()).filter((p) => p.id === 'ringtone').length, FAST).toBeGreaterThan(playsBefore);
    const answerAt = Date.now();
    bob!.shell.notifier.act(bob!.shell.notifier.shown[shownBefore]!.tag, 'answer');
    const invitedAt = (await inviteTimes(kamailio, '1001'))[invitesBefore]!;
    ring.push((await bob!.probe.plays()).filter((p) => p.id === 'ringtone')[playsBefore]!.at - invitedAt);
    notify.push(bob!.shell.notifier.shownAt[shownBefore]! - invitedAt);
    await expect.poll(async () => (await replyTimes(kamailio, 200)).length, FAST).toBeGreaterThan(okBefore);
    const okAt = (await replyTimes(kamailio, 200))[okBefore]!;
    answered.push(okAt - answerAt);
    established.push(okAt - invitedAt);
    await expectConnected(alice!.page, '1002');
    await endAll(alice!, bob!);
  }
  results.push(report('INVITE → ringtone playing', ring));
  results.push(report('INVITE → notification shown', notify));
  results.push(report('Answer pressed → 200 OK on the wire', answered));
  results.push(report('INVITE → established (answered from the notification as soon as it shows)', established));

  // Leaks: heap and PeerConnections after many calls.
  const heapBefore = await alice!.probe.heapBytes();
  const pcsBefore = await alice!.probe.openPeerConnections();
  for (let i = 0; i < LEAK_CALLS; i++) {
    const shownBefore = bob!.shell.notifier.shown.length;
    await dial(alice!.page, '1002');
    await expect.poll(() => bob!.shell.notifier.shown.length).toBeGreaterThan(shownBefore);
    bob!.shell.notifier.act(bob!.shell.notifier.shown[shownBefore]!.tag, 'answer');
    await expectConnected(alice!.page, '1002');
    await callPanel(alice!.page, '1002').getByRole('button', { name: 'Hang up' }).click();
    await expect(alice!.page.getByTestId('call-panel').filter({ has: alice!.page.getByRole('button', { name: 'Hang up' }) })).toHaveCount(0);
  }
  await endAll(alice!, bob!);
  const heapAfter = await alice!.probe.heapBytes();
  const pcsAfter = await alice!.probe.openPeerConnections();
  const heapLine = `renderer JS heap after ${LEAK_CALLS} calls: ${(heapBefore / 1e6).toFixed(1)} MB → ${(heapAfter / 1e6).toFixed(1)} MB (ratio ${(heapAfter / heapBefore).toFixed(2)})`;
  const pcLine = `open RTCPeerConnections after ${LEAK_CALLS} calls: ${pcsBefore} → ${pcsAfter}`;
  console.log(heapLine);
  console.log(pcLine);
  results.push(heapLine, pcLine);
  console.log(`\n== call benchmarks ==\n${results.join('\n')}`);
});

/**
 * Clicks the History tab inside the page and times, on the page's clock,
 * until the first call row is on screen (checked every frame), so
 * Playwright's round trips are not in the figure.
 */
const openHistoryMs = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === 'History')!;
        const t0 = performance.now();
        tab.click();
        const shown = () => (document.querySelector('[aria-label="Calls"] .history-item') ? resolve(performance.now() - t0) : requestAnimationFrame(shown));
        shown();
      }),
  );
const renderedRows = (page: Page) => page.locator('[aria-label="Calls"] .history-item').count();

test('history view with 100,000 entries', async ({ launch, kamailio }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-bench-view-'));
  const lines: string[] = [];
  for (let n = 0; n < 100_000; n++) lines.push(JSON.stringify(historyEntryNumber(n)));
  fs.writeFileSync(path.join(dataDir, HISTORY_FILE_NAME), `${lines.join('\n')}\n`);

  const startedAt = Date.now();
  const app = await launch({ dataDir });
  await setUpAndRegister(app, kamailio);
  const list = app.page.getByRole('list', { name: 'Calls' }).locator('.history-item');
  await app.page.getByRole('tab', { name: 'History' }).click();
  await expect(list.first()).toBeVisible({ timeout: 30_000 });
  const firstOpen = Date.now() - startedAt;

  const reopen: number[] = [];
  const search: number[] = [];
  for (let i = 0; i < 7; i++) {
    await app.page.getByRole('tab', { name: 'Phone' }).click();
    reopen.push(await openHistoryMs(app.page));

    const term = i % 2 ? 'garcia 41' : '555 001 2345';
    const sender = { webContentsId: 1, frameUrl: app.page.url(), isMainFrame: true };
    const expected = (await app.ringdesk.handlers.history.query({ filter: 'all', search: term, limit: 1 }, sender)).entries[0]!;
    const t1 = Date.now();
    await app.page.getByLabel('Search calls').fill(term);
    await expect(list.first()).toContainText(expected.peer.displayName ?? 'Unknown');
    search.push(Date.now() - t1);
    await app.page.getByLabel('Search calls').fill('');
    await expect(list.first()).toContainText(historyEntryNumber(99_999).peer.displayName ?? '');
  }
  const rowsShown = await renderedRows(app.page);

  // 5,000 calls recorded in the session, through main's real path (calls.report → history → historyAdded),
  // with the History view open so the window takes every one of them.
  const sender = { webContentsId: 1, frameUrl: app.page.url(), isMainFrame: true };
  const heapBefore = await app.probe.heapBytes();
  const SESSION_CALLS = 5_000;
  const sessionStart = Date.now();
  for (let n = 0; n < SESSION_CALLS; n++) {
    const at = sessionStart + n * 10;
    await app.ringdesk.handlers.calls.report(
      callSnapshot({
        id: `session-call-${n}`,
        direction: 'outbound',
        peer: { uri: `sip:${2000 + (n % 500)}@pbx.example.com`, user: String(2000 + (n % 500)), displayName: null },
        state: 'ended',
        startedAt: at,
        endedAt: at + 5,
        end: n % 2 ? { reason: 'declined', by: 'remote', statusCode: 603 } : { reason: 'not-found', by: 'remote', statusCode: 404 },
      }),
      sender,
    );
  }
  const reported = Date.now();
  // The harness hands main's events to the page in batches (one page.evaluate per batch, one task per event).
  await expect(list.first()).toContainText(String(2000 + ((SESSION_CALLS - 1) % 500)), { timeout: 20 * 60_000 });
  const caughtUp = Date.now() - reported;
  const heapAfter = await app.probe.heapBytes();
  const afterSession: number[] = [];
  for (let i = 0; i < 7; i++) {
    await app.page.getByRole('tab', { name: 'Phone' }).click();
    afterSession.push(await openHistoryMs(app.page));
  }
  const held = await app.page.evaluate(() => document.querySelectorAll('[aria-label="Calls"] .history-item').length);

  const figures = [
    `history view, 100,000 entries: app start → first page shown ${firstOpen} ms (includes setting up the account)`,
    report('history view, 100,000 entries on disk: click History → first rows shown', reopen),
    report('history view: type a search → results shown (includes debounce)', search),
    report(`history view, after ${SESSION_CALLS.toLocaleString('en')} calls added in the session: click History → first rows shown`, afterSession),
    `history view: ${rowsShown} rows rendered at once (${held} after the session's calls); renderer JS heap ${(heapBefore / 1e6).toFixed(1)} MB → ${(heapAfter / 1e6).toFixed(1)} MB over ${SESSION_CALLS.toLocaleString('en')} recorded calls (the open view had taken them all in ${caughtUp} ms after the last was recorded)`,
  ];
  console.log(figures[0]);
  console.log(figures[4]);
  results.push(...figures);
  console.log(`\n== history view ==\n${figures.join('\n')}`);
});
