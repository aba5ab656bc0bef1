import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { createSerialQueue } from '../../../common/serial-queue';
import { idSchema, type AgentList } from '../../../common/schemas/workspace/agent';
import type { GroupList } from '../../../common/schemas/workspace/group';
import type { TeamStatus } from '../../../common/schemas/workspace/live';
import { TEAM_COPY_MAX_AGENTS, TEAM_COPY_MAX_GROUPS, teamCopySchema, type TeamCopy } from '../../../common/schemas/workspace/team-copy';
import type { Logger } from '../../ports/logger';
import { replaceFileAtomically } from '../file-durability';

export const TEAM_COPY_FILE_NAME = 'team-copy.json';
/**
 * Names, emails and extensions of teammates: readable and writable by the
 * agent only (Windows ignores the mode; the profile folder's ACL protects it).
 */
export const TEAM_COPY_FILE_MODE = 0o600;
/** The file never grows past this; a copy that would is not written (the older one is removed). */
export const TEAM_COPY_MAX_BYTES = 2 * 1024 * 1024;

/** Whose copy it is: a copy is only ever shown to the agent who fetched it, from the same workspace. */
export interface TeamCopyOwner {
  url: string;
  agentId: string;
}

/**
 * The last copy of the team main fetched (teamCopySchema), kept in the data
 * folder so an admin can still read the team after a restart while the
 * workspace is unreachable. Written atomically (temporary file, fsync,
 * rename, fsync the folder), the newest copy only; read once, checked with
 * the common schemas — a file that fails is set aside, never trusted and
 * never a crash. Forgotten on sign-out and when someone else signs in.
 */
export interface TeamCopyStore {
  read(owner: TeamCopyOwner): Promise<TeamCopy | null>;
  /** A page of the unfiltered agent list: the first page replaces the agents kept, the next one in order extends them. */
  keepAgents(owner: TeamCopyOwner, offset: number, list: AgentList): Promise<void>;
  keepGroups(owner: TeamCopyOwner, list: GroupList): Promise<void>;
  keepStatus(owner: TeamCopyOwner, status: TeamStatus): Promise<void>;
  clear(): Promise<void>;
  /** Settles once every write handed in so far is on disk (tests, shutdown). */
  flush(): Promise<void>;
}

const teamCopyFileSchema = z.object({ format: z.literal(1), url: z.string().min(1), agentId: idSchema, copy: teamCopySchema });
type TeamCopyFile = z.infer<typeof teamCopyFileSchema>;

export function createFileTeamCopyStore(deps: { dir: string; now: () => number; log: Logger }): TeamCopyStore {
  const file = path.join(deps.dir, TEAM_COPY_FILE_NAME);
  const temp = `${file}.tmp`;
  const writes = createSerialQueue((error) => deps.log.warn(`team copy not saved: ${(error as NodeJS.ErrnoException)?.code ?? String(error)}`));
  /** undefined: not read from disk yet. */
  let current: TeamCopyFile | null | undefined;
  let writeQueued = false;

  const load = async (): Promise<TeamCopyFile | null> => {
    if (current !== undefined) return current;
    current = await readFile();
    return current;
  };

  async function readFile(): Promise<TeamCopyFile | null> {
    let text: string;
    try {
      await fs.rm(temp, { force: true }); // a write cut short; the file itself is whole
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') deps.log.warn(`team copy unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return null;
    }
    let problem: string;
    try {
      const parsed = teamCopyFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      problem = `wrong layout at ${parsed.error.issues[0]?.path.join('.') || 'root'}`;
    } catch {
      problem = 'not JSON';
    }
    const stamp = new Date(deps.now()).toISOString().replace(/[:.]/g, '-');
    let aside = `${file}.broken-${stamp}`;
    for (let n = 2; await exists(aside); n++) aside = `${file}.broken-${stamp}-${n}`;
    await fs.rename(file, aside).catch(() => fs.rm(file, { force: true }).catch(() => undefined));
    deps.log.warn(`team copy set aside (${problem}): ${path.basename(aside)}`);
    return null;
  }

  /** The newest copy, once: writes asked for meanwhile are merged into the one still waiting. */
  const save = (): Promise<void> => {
    if (writeQueued) return writes.idle();
    writeQueued = true;
    return writes.run(async () => {
      writeQueued = false;
      const snapshot = current;
      if (!snapshot) {
        await fs.rm(file, { force: true });
        return;
      }
      let text = JSON.stringify(bounded(snapshot, false));
      // Huge groups: keep only the members the copy lists (all the offline view can show).
      if (Buffer.byteLength(text) > TEAM_COPY_MAX_BYTES) text = JSON.stringify(bounded(snapshot, true));
      if (Buffer.byteLength(text) > TEAM_COPY_MAX_BYTES) {
        deps.log.warn(`team copy not kept: larger than ${TEAM_COPY_MAX_BYTES} bytes`);
        await fs.rm(file, { force: true });
        return;
      }
      await fs.mkdir(deps.dir, { recursive: true });
      await replaceFileAtomically(file, temp, TEAM_COPY_FILE_MODE, (handle) => handle.writeFile(text, 'utf8'));
    });
  };

  /** Applies a change to the copy of `owner`, starting a new one when the copy held is someone else's. */
  const change = async (owner: TeamCopyOwner, apply: (copy: TeamCopy) => TeamCopy): Promise<void> => {
    const held = await load();
    const mine = held && held.url === owner.url && held.agentId === owner.agentId ? held.copy : { savedAt: 0, agents: [], total: 0, groups: [], statuses: [] };
    current = { format: 1, url: owner.url, agentId: owner.agentId, copy: { ...apply(mine), savedAt: deps.now() } };
    await save();
  };

  return {
    async read(owner) {
      const held = await load();
      return held && held.url === owner.url && held.agentId === owner.agentId ? held.copy : null;
    },
    keepAgents: (owner, offset, list) =>
      change(owner, (copy) => {
        if (offset !== 0 && offset !== copy.agents.length) return copy; // not the next page: nothing to extend
        const agents = [...(offset === 0 ? [] : copy.agents), ...list.agents].slice(0, TEAM_COPY_MAX_AGENTS);
        return { ...copy, agents, total: list.total };
      }),
    keepGroups: (owner, list) => change(owner, (copy) => ({ ...copy, groups: list.groups })),
    keepStatus: (owner, status) => change(owner, (copy) => ({ ...copy, statuses: status.agents })),
    async clear() {
      current = null;
      await save();
    },
    flush: () => writes.idle(),
  };
}

/** Within the schema's bounds: statuses of the agents kept only, the groups that fit; `trimMembers`: members among the agents kept only. */
function bounded(file: TeamCopyFile, trimMembers: boolean): TeamCopyFile {
  const { copy } = file;
  const kept = new Set(copy.agents.map((a) => a.id));
  const groups = copy.groups.slice(0, TEAM_COPY_MAX_GROUPS);
  return {
    ...file,
    copy: {
      ...copy,
      groups: trimMembers ? groups.map((g) => ({ ...g, memberIds: g.memberIds.filter((id) => kept.has(id)) })) : groups,
      statuses: copy.statuses.filter((s) => kept.has(s.agentId)),
    },
  };
}

const exists = (file: string): Promise<boolean> =>
  fs.stat(file).then(
    () => true,
    () => false,
  );
