import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workspaceInfoSchema } from '../../common/schemas/workspace/auth';
import { readWorkspaceInfo } from '../services/workspace-info';
import type { ServerContext } from '../server-context';

/** Public: the welcome screen asks this before showing "Sign in" or "Create your team". */
export function workspaceRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/workspace', { schema: { response: { 200: workspaceInfoSchema } } }, () => readWorkspaceInfo(context.database, context.config));
  };
}
