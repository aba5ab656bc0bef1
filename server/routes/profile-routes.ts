import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agentSchema, profilePatchSchema } from '../../common/schemas/workspace/agent';
import type { ServerContext } from '../server-context';
import { editOwnProfile } from '../services/agent-edit';
import { editorOf, teamDeps } from './team-deps';

/**
 * An agent's own profile and personal settings, for every role: full name,
 * picture, personal phone, office hours, notifications, preferences. A
 * separate route rather than per-field checks on `/api/v1/agents/:id`, so
 * the admin route stays admins-only without exceptions and the schema
 * itself says what an agent may change (anything else is refused as an
 * unknown field).
 */
export function profileRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = teamDeps(context, app.log);
    app.patch('/api/v1/me/profile', { schema: { body: profilePatchSchema, response: { 200: agentSchema } } }, async (req) => {
      const actor = await context.guards.agent(req);
      return editOwnProfile(deps, editorOf(actor), req.body);
    });
  };
}
