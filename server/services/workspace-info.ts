import type { WorkspaceInfo } from '../../common/schemas/workspace/auth';
import type { ServerConfig } from '../config';
import type { Database } from '../db/open-database';

/** What anyone may learn before signing in: whether the workspace exists, its name, where to register. */
export async function readWorkspaceInfo(database: Database, config: Pick<ServerConfig, 'sipDomain' | 'wsServer'>): Promise<WorkspaceInfo> {
  const row = await database.db.selectFrom('workspace').select(['name', 'sip_domain']).executeTakeFirst();
  return { exists: row !== undefined, name: row?.name ?? null, sipDomain: row?.sip_domain ?? config.sipDomain, wsServer: config.wsServer };
}
