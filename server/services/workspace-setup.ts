import { randomUUID } from 'node:crypto';
import { defaultAgentSettings } from '../../common/schemas/workspace/agent';
import type { WorkspaceCreate } from '../../common/schemas/workspace/auth';
import type { ServerConfig } from '../config';
import type { Database } from '../db/open-database';
import { Refusal } from '../http/refusal';
import type { Clock } from './clock';
import { hashPassword } from './passwords';
import { digestHashes, provisionSubscriber, setAlias, sipUserFor } from './sip-provisioning';

/**
 * The workspace row's id. There is only ever one workspace per database, so
 * its id is fixed: two creates racing (two replicas, or `init` while the
 * service runs) collide on the primary key and the database itself lets
 * exactly one through, on SQLite and PostgreSQL alike.
 */
export const WORKSPACE_ID = 'workspace';

/** The group every new workspace starts with, so the Owner (and later agents) has one. Stored data, not UI text. */
export const FIRST_GROUP_NAME = 'Everyone';

export interface CreatedWorkspace {
  workspaceId: string;
  ownerId: string;
  ownerSipUser: string;
  sipDomain: string;
}

/**
 * Creates the workspace with its first group and its Owner (active, able to
 * sign in and register at once): the rows, Kamailio's subscriber (HA1/HA1B
 * only) and the extension alias, in one transaction — the SIP server never
 * sees an Owner without credentials. Refuses with `workspace-exists` when
 * there already is one.
 */
export async function createWorkspace(
  deps: { database: Database; config: Pick<ServerConfig, 'sipDomain'>; clock: Clock },
  input: WorkspaceCreate,
): Promise<CreatedWorkspace> {
  const { db } = deps.database;
  // Cheap check first, so a second attempt does not pay for hashing; the insert below is what guarantees it.
  if (await db.selectFrom('workspace').select('id').executeTakeFirst()) throw new Refusal('workspace-exists');
  // Hashed before the transaction: ~60 ms of argon2 must not hold the database's write lock.
  const passwordHash = await hashPassword(input.owner.password);
  const now = deps.clock.now();
  const sipDomain = deps.config.sipDomain;
  const ownerId = randomUUID();
  const groupId = randomUUID();
  const sipUser = sipUserFor(ownerId);
  const timeZone = input.timeZone ?? 'UTC';
  const digests = digestHashes(sipUser, sipDomain, input.owner.password);

  await db.transaction().execute(async (trx) => {
    // First statement on purpose: on SQLite it takes the write lock before anything is read (no stale snapshot
    // to upgrade), on PostgreSQL a racing insert waits here for ours, then does nothing.
    const inserted = await trx
      .insertInto('workspace')
      .values({ id: WORKSPACE_ID, name: input.name, sip_domain: sipDomain, time_zone: timeZone, created_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new Refusal('workspace-exists');

    await trx.insertInto('agent_group').values({ id: groupId, name: FIRST_GROUP_NAME, number: null, version: 1, created_at: now, updated_at: now, updated_by: null }).execute();
    await trx
      .insertInto('agent')
      .values({
        id: ownerId,
        email: input.owner.email,
        full_name: input.owner.fullName,
        extension: input.owner.extension,
        sip_user: sipUser,
        personal_phone: null,
        role: 'owner',
        status: 'active',
        password_hash: passwordHash,
        picture: null,
        settings: JSON.stringify(defaultAgentSettings(timeZone)),
        version: 1,
        created_at: now,
        updated_at: now,
        updated_by: ownerId,
      })
      .execute();
    await trx.insertInto('group_member').values({ group_id: groupId, agent_id: ownerId }).execute();
    await provisionSubscriber(trx, sipUser, sipDomain, digests);
    await setAlias(trx, input.owner.extension, sipDomain, [sipUser]);
  });
  return { workspaceId: WORKSPACE_ID, ownerId, ownerSipUser: sipUser, sipDomain };
}
