import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meSchema, refreshSchema, sessionSchema, signInSchema } from '../../common/schemas/workspace/auth';
import { Refusal } from '../http/refusal';
import { loadAgentView } from '../services/agent-view';
import { endSession, refreshSession } from '../services/sessions';
import { signIn } from '../services/sign-in';
import { provisionedSipAccount } from '../services/sip-account';
import type { ServerContext } from '../server-context';

/**
 * Sign-in and sessions. Sign-in, refresh and sign-out need no access token
 * (the password or the refresh token is the credential — signing out must
 * work after the access token lapsed); `me` needs a signed-in agent.
 */
export function authRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/api/v1/auth/sign-in', { schema: { body: signInSchema, response: { 200: sessionSchema } } }, (request) => signIn(context, request.body, request.ip));

    app.post('/api/v1/auth/refresh', { schema: { body: refreshSchema, response: { 200: sessionSchema } } }, (request) => refreshSession(context, request.body.refreshToken));

    app.post('/api/v1/auth/sign-out', { schema: { body: refreshSchema } }, async (request, reply) => {
      await endSession(context, request.body.refreshToken);
      return reply.status(204).send();
    });

    app.get('/api/v1/me', { schema: { response: { 200: meSchema } } }, async (request) => {
      const actor = await context.guards.agent(request);
      const agent = await loadAgentView(context.database.db, actor.agentId);
      if (!agent) throw new Refusal('unauthorized');
      return { agent, sip: await provisionedSipAccount(context.database, context.config, agent) };
    });
  };
}
