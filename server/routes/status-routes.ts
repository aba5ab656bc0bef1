import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agentStatusSchema, statusReportSchema, teamStatusSchema } from '../../common/schemas/workspace/live';
import type { ServerContext } from '../server-context';
import { reportStatus, teamStatus } from '../services/team-status';

/**
 * Status: each app reports its agent's presence and whether it is on a
 * call; admins (and the Extended Agents Dashboard) read everyone's, with
 * "registered" from Kamailio's location table.
 */
export function statusRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put('/api/v1/me/status', { schema: { body: statusReportSchema, response: { 200: agentStatusSchema } } }, async (req) => {
      const actor = await context.guards.agent(req);
      const row = await context.database.db.selectFrom('agent').select('sip_user').where('id', '=', actor.agentId).executeTakeFirstOrThrow();
      return reportStatus({ database: context.database, clock: context.clock, live: context.bus }, { agentId: actor.agentId, sipUser: row.sip_user }, req.body);
    });

    app.get('/api/v1/team/status', { schema: { response: { 200: teamStatusSchema } } }, async (req) => {
      await context.guards.admin(req);
      return teamStatus(context.database, context.bus);
    });
  };
}
