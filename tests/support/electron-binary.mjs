// Where the Electron binary is, without require('electron'): since Electron
// 45 that require *downloads* a missing binary, and tests must never reach
// beyond loopback.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/electron');

/** @returns {string | null} the executable, or null when it was never downloaded */
export function electronBinary() {
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const file = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(file) ? file : null;
}
