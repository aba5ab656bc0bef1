import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../common/schemas/workspace/agent';
import { newPasswordSchema } from '../../common/schemas/workspace/auth';
import { invitationAcceptedSchema, invitationAcceptSchema, invitationSentSchema, invitationStateSchema } from '../../common/schemas/workspace/invitation';
import type { WorkspaceProblem } from '../../common/schemas/workspace/problems';
import { Refusal } from '../http/refusal';
import { PAGE_HEADERS } from '../pages/html';
import { deadLinkPage, donePage, formPage, openAppLink, type RenderedPage } from '../pages/invite-page';
import type { PageProblem } from '../pages/invitee-words';
import type { ServerContext } from '../server-context';
import type { LinkState } from '../services/invitation-links';

/** A form post is two short fields; anything bigger is not from our page. */
const FORM_BODY_LIMIT = 16 * 1024;

/** What the page's form posts; missing fields count as empty, so the page can say what is wrong. */
const formSchema = z.object({ password: z.string().catch(''), repeat: z.string().catch('') }).catch({ password: '', repeat: '' });

/**
 * Invitations.
 *
 * - `GET /invite/:token`: the page behind the email's link. Looking never
 *   consumes the link (mail scanners open links); a dead link gets a page
 *   saying why (404 never issued / tampered, 410 expired, used, replaced).
 * - `POST /invite/:token`: that page's form (password twice); re-rendered
 *   with the problem named, or the "ready" page.
 * - `POST /api/v1/invitations/accept`: the same for the app, JSON and codes.
 * - `GET /api/v1/agents/:id/invitation`: an admin sees the open one (sent, or why not).
 * - `POST /api/v1/agents/:id/invitation`: an admin resends (rate-limited).
 */
export function invitationRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const { invitations } = context;
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    const send = (reply: FastifyReply, rendered: RenderedPage) => reply.status(rendered.status).headers(PAGE_HEADERS).send(rendered.html);
    const facts = (link: Extract<LinkState, { kind: 'valid' }>) => ({ fullName: link.invitation.fullName, email: link.invitation.email, workspaceName: link.invitation.workspaceName });
    const appLink = (email: string) => openAppLink(context.config.publicUrl, email);

    // A wildcard, not `:token`: whatever follows /invite/ (mangled, too long, with slashes) gets a page a person can read.
    const tokenIn = (params: unknown) => (params as { '*': string })['*'];

    app.get('/invite/*', async (req, reply) => {
      const link = await invitations.readLink(tokenIn(req.params));
      if (link.kind !== 'valid') return send(reply, deadLinkPage(link.kind));
      return send(reply, formPage(facts(link), appLink(link.invitation.email)));
    });

    app.post('/invite/*', async (req, reply) => {
      const token = tokenIn(req.params);
      const link = await invitations.readLink(token);
      if (link.kind !== 'valid') return send(reply, deadLinkPage(link.kind));
      const form = formSchema.parse(req.body);
      const checked = newPasswordSchema.safeParse(form.password);
      const problem: PageProblem | undefined = !checked.success
        ? checked.error.issues[0]?.message === 'password-too-short'
          ? 'password-too-short'
          : 'too-long'
        : form.password !== form.repeat
          ? 'passwords-differ'
          : undefined;
      if (problem) return send(reply, formPage(facts(link), appLink(link.invitation.email), problem));
      try {
        await invitations.accept(token, form.password, req.ip);
      } catch (err) {
        // Lost a race (the other tab won, or a newer link was sent meanwhile): say so, as for any dead link.
        if (err instanceof Refusal) return send(reply, deadLinkPage(pageOfProblem(err.body.problem)));
        throw err;
      }
      return send(reply, donePage(facts(link), appLink(link.invitation.email)));
    });

    app.post('/api/v1/invitations/accept', { schema: { body: invitationAcceptSchema, response: { 200: invitationAcceptedSchema } } }, (req) =>
      invitations.accept(req.body.token, req.body.password, req.ip),
    );

    app.get('/api/v1/agents/:id/invitation', { schema: { params: idParamsSchema, response: { 200: invitationStateSchema } } }, async (req) => {
      await context.guards.admin(req);
      return invitations.state(req.params.id);
    });

    app.post('/api/v1/agents/:id/invitation', { schema: { params: idParamsSchema, response: { 202: invitationSentSchema } } }, async (req, reply) => {
      const actor = await context.guards.admin(req);
      return reply.status(202).send(await invitations.resend(req.params.id, { agentId: actor.agentId, address: actor.address }, req.log));
    });
  };
}

function pageOfProblem(problem: WorkspaceProblem): 'expired' | 'used' | 'revoked' {
  return problem === 'invitation-expired' ? 'expired' : problem === 'invitation-used' ? 'used' : 'revoked';
}
