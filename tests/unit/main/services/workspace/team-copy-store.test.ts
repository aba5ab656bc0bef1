import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentSummary } from '../../../../../common/schemas/workspace/agent';
import { TEAM_COPY_MAX_AGENTS } from '../../../../../common/schemas/workspace/team-copy';
import { createFileTeamCopyStore, TEAM_COPY_FILE_NAME, TEAM_COPY_MAX_BYTES } from '../../../../../main/services/workspace/team-copy-store';
import { MemoryLogger } from '../../../../fakes/memory-logger';

const ana = { url: 'https://team.example.com', agentId: '00000000-0000-4000-8000-00000000a001' };
const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const summary = (n: number): AgentSummary => ({ id: idOf(n), email: `a${n}@example.com`, fullName: `Agent ${n}`, extension: String(1000 + n), sipUser: `u${n}`, personalPhone: null, role: 'basic', status: 'active', groupIds: [], version: 1, updatedAt: 0, hasPicture: false });
const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => summary(from + i));

let dir: string;
const open = () => createFileTeamCopyStore({ dir, now: () => 1_000, log: new MemoryLogger() });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the team copy file', () => {
  it('keeps the first pages in order up to its bound, statuses of those agents only, and reads back the same after a restart', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-copy-'));
    const store = open();
    await store.keepAgents(ana, 0, { agents: page(0, 300), total: 2000 });
    await store.keepAgents(ana, 500, { agents: page(500, 100), total: 2000 }); // not the next page: ignored
    await store.keepAgents(ana, 300, { agents: page(300, 300), total: 2000 });
    await store.keepStatus(ana, { seq: 1, agents: [0, 1999].map((n) => ({ agentId: idOf(n), registered: true, presence: 'available', onCall: false })) });
    await store.flush();
    const copy = await open().read(ana);
    expect(copy?.agents).toHaveLength(TEAM_COPY_MAX_AGENTS);
    expect(copy?.agents.at(-1)?.id).toBe(idOf(TEAM_COPY_MAX_AGENTS - 1));
    expect(copy?.total).toBe(2000);
    expect(copy?.statuses.map((s) => s.agentId)).toEqual([idOf(0)]);
    expect(fs.statSync(path.join(dir, TEAM_COPY_FILE_NAME)).size).toBeLessThan(TEAM_COPY_MAX_BYTES);
    // Someone else's copy is not shown; their first read starts a new one.
    expect(await open().read({ ...ana, agentId: idOf(7) })).toBeNull();
  });

  it('huge groups keep only the members the copy lists, so the file stays within its bound', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-copy-'));
    const store = open();
    await store.keepAgents(ana, 0, { agents: page(0, 2), total: 60_000 });
    const members = Array.from({ length: 60_000 }, (_, i) => idOf(i));
    await store.keepGroups(ana, { groups: [{ id: idOf(90_000), name: 'Everyone', number: null, memberIds: members, version: 1, updatedAt: 0 }] });
    await store.flush();
    expect((await open().read(ana))?.groups[0]?.memberIds).toEqual([idOf(0), idOf(1)]);
  });
});
