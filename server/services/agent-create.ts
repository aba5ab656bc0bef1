import { sipUserFor } from './sip-provisioning';
import { randomUUID } from 'node:crypto';
import { defaultAgentSettings, type Agent, type AgentCreate } from '../../common/schemas/workspace/agent';
import { auditedAgent, readAgent } from './agent-records';
import { recordChanges, type AuditActor } from './audit-trail';
import { dashboardProblem, emailTaken, extensionTaken, missingIds } from './team-checks';
import { announceAgents, announceGroups } from './live-announcements';
import { refuseFields, writeTeam, type TeamDeps } from './team-writes';

/**
 * Adds a teammate. It starts `pending` — no password, no SIP credentials,
 * no aliases — and the confirmation (invitation) is requested once the row
 * is committed; confirming makes it active and reachable.
 */
export async function createAgent(deps: TeamDeps, actor: AuditActor & { agentId: string }, input: AgentCreate): Promise<Agent> {
  return writeTeam(deps, async (trx, after) => {
    const [emailIsTaken, extensionIsTaken, unknownGroups] = [
      await emailTaken(trx, input.email),
      await extensionTaken(trx, input.extension),
      await missingIds(trx, 'agent_group', input.groupIds),
    ];
    const workspace = await trx.selectFrom('workspace').select('time_zone').executeTakeFirst();
    const settings = input.settings ?? defaultAgentSettings(workspace?.time_zone ?? 'UTC');
    const dashboard = settings.preferences.extendedDashboard ? await dashboardProblem(trx, input.role, 1) : null;
    refuseFields({
      email: emailIsTaken ? 'email-taken' : undefined,
      extension: extensionIsTaken ? 'extension-taken' : undefined,
      groupIds: unknownGroups.length > 0 ? 'group-unknown' : undefined,
      'settings.preferences.extendedDashboard': dashboard ?? undefined,
    });

    const now = deps.clock.now();
    const id = randomUUID();
    await trx
      .insertInto('agent')
      .values({
        id,
        email: input.email,
        full_name: input.fullName,
        extension: input.extension,
        sip_user: sipUserFor(id),
        personal_phone: input.personalPhone ?? null,
        role: input.role,
        status: 'pending',
        password_hash: null,
        picture: input.picture ?? null,
        settings: JSON.stringify(settings),
        version: 1,
        created_at: now,
        updated_at: now,
        updated_by: actor.agentId,
      })
      .execute();
    const groupIds = [...new Set(input.groupIds)];
    await trx.insertInto('group_member').values(groupIds.map((group_id) => ({ group_id, agent_id: id }))).execute();
    await trx.updateTable('agent_group').set((eb) => ({ version: eb('version', '+', 1), updated_at: now, updated_by: actor.agentId })).where('id', 'in', groupIds).execute();

    const agent = (await readAgent(trx, id))!;
    await recordChanges(trx, now, actor, { kind: 'agent', id }, [{ field: 'created', oldValue: null, newValue: auditedAgent(agent) }]);
    after.requestConfirmation({ agentId: id, email: agent.email, reason: 'created', requestedBy: actor.agentId });
    await announceAgents(trx, after, [id]);
    await announceGroups(trx, after, groupIds);
    return agent;
  });
}
