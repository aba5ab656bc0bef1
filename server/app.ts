import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installErrorHandler } from './http/error-handler';
import { agentRoutes } from './routes/agent-routes';
import { groupRoutes } from './routes/group-routes';
import { invitationRoutes } from './routes/invitation-routes';
import { profileRoutes } from './routes/profile-routes';
import { authRoutes } from './routes/auth-routes';
import { liveRoutes } from './routes/live-routes';
import { statusRoutes } from './routes/status-routes';
import { workspaceRoutes } from './routes/workspace-routes';
import type { ServerContext } from './server-context';

/** Largest request body: an agent with a 200 kB picture, with room to spare. */
const BODY_LIMIT = 512 * 1024;

/**
 * A request as the log shows it. Why — do not log `req.url` raw: an
 * invitation link's token is in the path, and whoever reads the log could
 * set the invitee's password before they do.
 */
export function requestForLog(req: FastifyRequest): Record<string, unknown> {
  return { method: req.method, url: req.url.replace(/^\/invite\/[^/?#]*/, '/invite/[token]'), host: req.host, remoteAddress: req.ip };
}

/**
 * The workspace service as a Fastify instance, not yet listening: tests use
 * `inject()` or listen on port 0; `main.ts` listens on the configured port.
 */
export async function buildServer(context: ServerContext, options: { logger?: boolean; https?: { key: Buffer; cert: Buffer } } = {}): Promise<FastifyInstance> {
  // One instance type for both: Fastify's HTTPS typing differs only in the raw server it wraps.
  const fastifyOptions = {
    logger: options.logger ? { level: 'info', redact: ['req.headers.authorization', 'req.body.password'], serializers: { req: requestForLog } } : false,
    bodyLimit: BODY_LIMIT,
    // Behind a TLS proxy the client's address comes in X-Forwarded-For (rate limits and the audit trail use it).
    trustProxy: context.config.behindTlsProxy,
  };
  const app = (options.https ? (Fastify({ ...fastifyOptions, https: options.https }) as unknown as FastifyInstance) : Fastify(fastifyOptions)).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.get('/health', () => ({ ok: true }));
  await app.register(workspaceRoutes(context));
  await app.register(agentRoutes(context));
  await app.register(groupRoutes(context));
  await app.register(profileRoutes(context));
  await app.register(authRoutes(context));
  await app.register(invitationRoutes(context));
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(liveRoutes(context));
  await app.register(statusRoutes(context));
  app.addHook('onClose', async () => {
    await context.registrations.stop();
    await context.live.close();
    await context.bus.close();
  });
  return app;
}
