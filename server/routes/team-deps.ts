import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../http/guards';
import type { ServerContext } from '../server-context';
import type { AgentEditor } from '../services/agent-edit';
import type { TeamDeps } from '../services/team-writes';

/** The team services' dependencies, from the server context and the app's logger. */
export function teamDeps(context: ServerContext, log: FastifyBaseLogger): TeamDeps {
  return { database: context.database, config: context.config, clock: context.clock, bindings: context.bindings, confirmations: context.confirmations, live: context.bus, log };
}

/** The guard's actor as the services see an editor (id, role, address for the audit trail). */
export function editorOf(actor: Actor): AgentEditor {
  return { agentId: actor.agentId, role: actor.role, address: actor.address };
}
