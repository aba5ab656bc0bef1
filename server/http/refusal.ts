import type { FieldProblem } from '../../common/schemas/field-errors';
import type { ProblemResponse, WorkspaceProblem } from '../../common/schemas/workspace/problems';

const STATUS: Record<WorkspaceProblem, number> = {
  'invalid-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'version-conflict': 409,
  'field-conflict': 409,
  'last-owner': 409,
  'owner-only': 403,
  'agent-needs-group': 409,
  'rate-limited': 429,
  'sign-in-failed': 401,
  'account-pending': 403,
  'account-disabled': 403,
  'session-ended': 401,
  'invitation-expired': 410,
  'invitation-used': 410,
  'invitation-invalid': 404,
  'agent-already-active': 409,
  'workspace-exists': 409,
  'workspace-missing': 409,
  'payload-too-large': 413,
  internal: 500,
};

/**
 * A request the service refuses on purpose. Services throw it; the error
 * handler turns it into the shared problem body with its HTTP status. Never
 * carries words: the app says it in its own language.
 */
export class Refusal extends Error {
  readonly status: number;
  readonly body: ProblemResponse;

  constructor(problem: WorkspaceProblem, extra: Omit<ProblemResponse, 'problem'> = {}) {
    super(problem);
    this.status = STATUS[problem];
    this.body = { problem, ...extra };
  }
}

/** Shorthand for a refusal naming fields: `fieldRefusal({ email: 'email-taken' })`. */
export function fieldRefusal(fields: Record<string, FieldProblem>): Refusal {
  return new Refusal('field-conflict', { fields });
}

export function statusOf(problem: WorkspaceProblem): number {
  return STATUS[problem];
}
