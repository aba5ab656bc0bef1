import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { FIELD_PROBLEMS, type FieldProblem } from '../../common/schemas/field-errors';
import type { ProblemResponse } from '../../common/schemas/workspace/problems';
import { Refusal } from './refusal';

const KNOWN_FIELD_PROBLEMS = new Set<string>(FIELD_PROBLEMS);

/**
 * Every failure leaves as the shared problem body: schema failures as
 * `invalid-request` with one code per field, refusals as they were thrown,
 * anything else as `internal` with the request id (the details go to the
 * log, never to the client).
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof Refusal) {
      // HTTP's own way to say when to come back, beside the body's `retryAfterSec` (proxies and clients know it).
      if (error.body.retryAfterSec !== undefined) void reply.header('retry-after', String(error.body.retryAfterSec));
      return reply.status(error.status).send(error.body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, FieldProblem> = {};
      for (const issue of error.validation) {
        const key = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
        if (issue.keyword === 'unrecognized_keys') {
          // Name each unknown field, so a typo is pointed at instead of "check the request".
          const keys = (issue.params as { keys?: unknown }).keys;
          for (const name of Array.isArray(keys) ? keys.slice(0, 20) : []) fields[(key === '_' ? String(name) : `${key}.${String(name)}`).slice(0, 100)] ??= 'unknown-field';
          continue;
        }
        const code = issue.message ?? '';
        fields[key] ??= KNOWN_FIELD_PROBLEMS.has(code) ? (code as FieldProblem) : issue.keyword === 'too_big' ? 'too-long' : 'invalid';
      }
      return reply.status(400).send({ problem: 'invalid-request', fields } satisfies ProblemResponse);
    }
    if (error.statusCode === 413) return reply.status(413).send({ problem: 'payload-too-large' } satisfies ProblemResponse);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type, and the like.
      return reply.status(error.statusCode === 415 ? 415 : 400).send({ problem: 'invalid-request' } satisfies ProblemResponse);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ problem: 'internal', requestId: String(request.id) } satisfies ProblemResponse);
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ problem: 'not-found' } satisfies ProblemResponse));
}
