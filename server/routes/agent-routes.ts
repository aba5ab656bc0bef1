import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agentCreateSchema, agentListQuerySchema, agentListSchema, agentPatchSchema, agentSchema, idParamsSchema } from '../../common/schemas/workspace/agent';
import { auditPageSchema, auditQuerySchema } from '../../common/schemas/workspace/audit';
import { Refusal } from '../http/refusal';
import type { ServerContext } from '../server-context';
import { createAgent } from '../services/agent-create';
import { deleteAgent } from '../services/agent-delete';
import { editAgent } from '../services/agent-edit';
import { agentPicture, listAgents } from '../services/agent-queries';
import { readAgent } from '../services/agent-records';
import { readAudit } from '../services/audit-trail';
import { editorOf, teamDeps } from './team-deps';

/**
 * The team's agents — admins only (a Basic agent gets 403 from the guard,
 * before anything is read or written). An agent edits their own profile
 * through `/api/v1/me/profile` (profile-routes.ts) instead.
 */
export function agentRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const deps = teamDeps(context, app.log);
    const { guards } = context;

    app.get('/api/v1/agents', { schema: { querystring: agentListQuerySchema, response: { 200: agentListSchema } } }, async (req) => {
      await guards.admin(req);
      return listAgents(context.database, req.query);
    });

    app.get('/api/v1/agents/:id', { schema: { params: idParamsSchema, response: { 200: agentSchema } } }, async (req) => {
      await guards.admin(req);
      const agent = await readAgent(context.database.db, req.params.id);
      if (!agent) throw new Refusal('not-found');
      return agent;
    });

    app.post('/api/v1/agents', { schema: { body: agentCreateSchema, response: { 201: agentSchema } } }, async (req, reply) => {
      const actor = await guards.admin(req);
      return reply.status(201).send(await createAgent(deps, editorOf(actor), req.body));
    });

    app.patch('/api/v1/agents/:id', { schema: { params: idParamsSchema, body: agentPatchSchema, response: { 200: agentSchema } } }, async (req) => {
      const actor = await guards.admin(req);
      return editAgent(deps, editorOf(actor), req.params.id, req.body);
    });

    app.delete('/api/v1/agents/:id', { schema: { params: idParamsSchema } }, async (req, reply) => {
      const actor = await guards.admin(req);
      await deleteAgent(deps, editorOf(actor), req.params.id);
      return reply.status(204).send();
    });

    app.get('/api/v1/agents/:id/audit', { schema: { params: idParamsSchema, querystring: auditQuerySchema, response: { 200: auditPageSchema } } }, async (req) => {
      await guards.admin(req);
      const page = await readAudit(context.database, { kind: 'agent', id: req.params.id }, req.query);
      // A deleted agent's trail stays readable; an id that never was anything is not found.
      if (page.total === 0 && !(await readAgent(context.database.db, req.params.id))) throw new Refusal('not-found');
      return page;
    });

    // Pictures are shown across the app, so any signed-in teammate may fetch them.
    app.get('/api/v1/agents/:id/picture', { schema: { params: idParamsSchema } }, async (req, reply) => {
      await guards.agent(req);
      const picture = await agentPicture(context.database, req.params.id);
      if (!picture) throw new Refusal('not-found');
      return reply.header('content-type', picture.type).header('cache-control', 'private, max-age=300').header('etag', `"v${picture.version}"`).send(picture.bytes);
    });
  };
}
