import type { ProvisionedSipAccount } from '../../common/schemas/workspace/auth';
import type { ServerConfig } from '../config';
import type { Database } from '../db/open-database';

/**
 * The SIP account a signed-in app registers with: the agent's SIP user in the
 * workspace's domain, the WebSocket address from the config, and the HA1
 * digest from Kamailio's own `subscriber` row — the same credential Kamailio
 * checks, so the app and the SIP server cannot disagree. Never a password.
 *
 * Throws (an `internal` answer, logged) when an active agent has no
 * subscriber row: that is a provisioning bug, not something the agent did.
 */
export async function provisionedSipAccount(
  database: Database,
  config: Pick<ServerConfig, 'wsServer'>,
  agent: { sipUser: string; fullName: string },
): Promise<ProvisionedSipAccount> {
  const row = await database.db
    .selectFrom('workspace')
    .innerJoin('subscriber', (join) => join.onRef('subscriber.domain', '=', 'workspace.sip_domain').on('subscriber.username', '=', agent.sipUser))
    .select(['workspace.sip_domain as domain', 'subscriber.ha1 as ha1'])
    .executeTakeFirst();
  if (!row) throw new Error(`agent ${agent.sipUser} has no SIP credentials in the subscriber table`);
  return { sipUser: agent.sipUser, domain: row.domain, wsServer: config.wsServer, displayName: agent.fullName, ha1: row.ha1 };
}
