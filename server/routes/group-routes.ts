import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../common/schemas/workspace/agent';
import { groupCreateSchema, groupListSchema, groupPatchSchema, groupSchema } from '../../common/schemas/workspace/group';
import type { ServerContext } from '../server-context';
import { listGroups } from '../services/group-queries';
import { createGroup, deleteGroup, editGroup } from '../services/group-writes';
import { editorOf, teamDeps } from './team-deps';

/** The team's groups — admins only, like the agents they hold. */
export function groupRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = teamDeps(context, app.log);
    const { guards } = context;

    app.get('/api/v1/groups', { schema: { response: { 200: groupListSchema } } }, async (req) => {
      await guards.admin(req);
      return listGroups(context.database.db);
    });

    app.post('/api/v1/groups', { schema: { body: groupCreateSchema, response: { 201: groupSchema } } }, async (req, reply) => {
      const actor = await guards.admin(req);
      return reply.status(201).send(await createGroup(deps, editorOf(actor), req.body));
    });

    app.patch('/api/v1/groups/:id', { schema: { params: idParamsSchema, body: groupPatchSchema, response: { 200: groupSchema } } }, async (req) => {
      const actor = await guards.admin(req);
      return editGroup(deps, editorOf(actor), req.params.id, req.body);
    });

    app.delete('/api/v1/groups/:id', { schema: { params: idParamsSchema } }, async (req, reply) => {
      const actor = await guards.admin(req);
      await deleteGroup(deps, editorOf(actor), req.params.id);
      return reply.status(204).send();
    });
  };
}
