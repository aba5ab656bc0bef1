import { Refusal } from '../http/refusal';
import { auditedAgent, groupIdsOf, toAgent } from './agent-records';
import { lockedAgentRow } from './locked-rows';
import type { AgentEditor } from './agent-edit';
import { recordChanges } from './audit-trail';
import { ownerProblemOfDelete } from './owner-rules';
import { teamSipDomain, unprovisionAgent } from './team-routing';
import { announceGroups } from './live-announcements';
import { writeTeam, type TeamDeps } from './team-writes';

/**
 * Removes a teammate: its row, memberships, sessions and invitations (the
 * foreign keys cascade), its SIP credentials and every alias ringing it —
 * in one transaction — then its live registrations, so its phone stops
 * ringing at once. The audit trail keeps what the record was.
 */
export async function deleteAgent(deps: TeamDeps, editor: AgentEditor, id: string): Promise<void> {
  await writeTeam(deps, async (trx, after) => {
    const row = await lockedAgentRow(trx, id, deps.database.dialect);
    const problem = ownerProblemOfDelete(editor, row);
    if (problem) throw new Refusal(problem);
    const groups = (await groupIdsOf(trx, [id])).get(id) ?? [];
    const now = deps.clock.now();

    await unprovisionAgent(trx, await teamSipDomain(trx, deps.config), row);
    await trx.deleteFrom('group_member').where('agent_id', '=', id).execute();
    if (groups.length > 0) await trx.updateTable('agent_group').set((eb) => ({ version: eb('version', '+', 1), updated_at: now, updated_by: editor.agentId })).where('id', 'in', groups).execute();
    await trx.deleteFrom('agent').where('id', '=', id).execute();
    await recordChanges(trx, now, editor, { kind: 'agent', id }, [{ field: 'deleted', oldValue: auditedAgent(toAgent(row, groups)), newValue: null }]);
    after.dropBindings(row.sip_user);
    after.announce({ type: 'agent-removed', agentId: id });
    await announceGroups(trx, after, groups);
  });
}
