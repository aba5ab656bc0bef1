import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KAMAILIO_BIN, SHIPPED_CONFIG_PATH, assertKamailioInstalled } from '../../support/kamailio/kamailio.mjs';

// The README's deployment recipe, taken from the README itself so the two
// cannot drift: its kamailio-local.cfg for each engine, next to the shipped
// config, as /etc/kamailio would hold them — without any test-bed switch.

const README = fs.readFileSync(path.resolve(import.meta.dirname, '../../../server/kamailio/README.md'), 'utf8');

/** The README's kamailio-local.cfg blocks: fenced code starting with `#!define SIP_DOMAIN`. */
function localConfigs(): string[] {
  return [...README.matchAll(/```\n(#!define SIP_DOMAIN[\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

async function checkDeployed(localCfg: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-kamcfg-'));
  try {
    fs.copyFileSync(SHIPPED_CONFIG_PATH, path.join(dir, 'kamailio.cfg'));
    fs.writeFileSync(path.join(dir, 'kamailio-local.cfg'), localCfg);
    // From another directory: the config finds kamailio-local.cfg beside itself, as in /etc/kamailio.
    const { stdout, stderr } = await promisify(execFile)(KAMAILIO_BIN, ['-c', '-f', path.join(dir, 'kamailio.cfg')], { cwd: os.tmpdir() });
    return stdout + stderr;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the shipped Kamailio config, deployed as the README says', () => {
  it('the README gives a kamailio-local.cfg for SQLite and one for PostgreSQL', () => {
    const [sqlite, postgres] = localConfigs();
    expect(sqlite).toContain('WORKSPACE_SQLITE');
    expect(postgres).toContain('WITH_POSTGRES');
  });

  it.each([
    ['SQLite', 0],
    ['PostgreSQL', 1],
  ])('passes Kamailio’s own check with the %s settings', async (_name, index) => {
    assertKamailioInstalled({ postgres: true });
    const local = localConfigs()[index] ?? '';
    const output = await checkDeployed(`${local}#!define ADVERTISE_UDP 203.0.113.7:5060\n`);
    expect(output).not.toMatch(/ERROR|CRITICAL/);
    expect(output).toMatch(/udp: 127\.0\.0\.1 .*:5060 advertise 203\.0\.113\.7:5060/);
  });

  it('a broken setting is caught by that check (so the check means something)', async () => {
    await expect(checkDeployed('#!define LISTEN_UDP udp:not an address\n')).rejects.toThrow();
  });
});
