#!/usr/bin/env node
// Runs the Playwright suite with all traffic confined to loopback: inside a
// network namespace that has only `lo` when this machine allows one (root,
// or unprivileged user namespaces). Chromium then gathers ICE candidates on
// 127.0.0.1 only, and no test can reach another address even by mistake.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

if (!electronBinary()) {
  console.log('e2e: the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD), so tests/e2e/electron-app.spec.ts will be skipped; every path it checks is also covered without Electron.');
}

const args = process.argv.slice(2);
const playwright = ['npx', 'playwright', 'test', ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
const inner = `ip link set lo up && exec ${playwright}`;

function canUse(prefix) {
  return spawnSync('unshare', [...prefix, 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' }).status === 0;
}

const isRoot = process.getuid?.() === 0;
const prefix = isRoot ? ['-n'] : ['-r', '-n'];
if (process.platform === 'linux' && process.env.RINGDESK_E2E_NO_NETNS !== '1' && canUse(prefix)) {
  console.log(`e2e: running in a loopback-only network namespace (unshare ${prefix.join(' ')})`);
  const result = spawnSync('unshare', [...prefix, 'sh', '-c', inner], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
console.log('e2e: no network namespace available here; running on the host network (tests still only address 127.0.0.1)');
const result = spawnSync('sh', ['-c', `exec ${playwright}`], { stdio: 'inherit' });
process.exit(result.status ?? 1);
