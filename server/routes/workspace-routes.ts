import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionSchema, workspaceCreateSchema, workspaceInfoSchema } from '../../common/schemas/workspace/auth';
import { readWorkspaceInfo } from '../services/workspace-info';
import { startSession } from '../services/sessions';
import { createWorkspace } from '../services/workspace-setup';
import type { ServerContext } from '../server-context';

/** Public: the welcome screen asks this before showing "Sign in" or "Create your team". */
export function workspaceRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/workspace', { schema: { response: { 200: workspaceInfoSchema } } }, () => readWorkspaceInfo(context.database, context.config));

    // Public too, but only once: the first admin creates the team and is signed in as its Owner at once.
    app.post('/api/v1/workspace', { schema: { body: workspaceCreateSchema, response: { 201: sessionSchema } } }, async (request, reply) => {
      const created = await createWorkspace(context, request.body);
      return reply.status(201).send(await startSession(context, created.ownerId));
    });
  };
}
