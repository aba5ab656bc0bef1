import type { IncomingPolicy } from '../../common/schemas/engine';

/**
 * What to do with an INVITE that arrives outside any dialog, decided from
 * plain facts about it: no sip.js, no side effects.
 *
 * The decision is a discriminated union on `kind` so that it can grow:
 * office hours, call forwarding and voicemail will add their own kinds
 * (e.g. `{ kind: 'forward'; target }`, `{ kind: 'voicemail' }`) and their
 * own inputs, and the engine's `switch` on `kind` will not compile until it
 * carries each new one out.
 */
export type IncomingDecision =
  /** Hand the call to the call registry: it rings here. */
  | { kind: 'ring' }
  /** Refuse it with a real SIP final response, so the PBX can go to voicemail or the next agent at once. */
  | { kind: 'reject'; statusCode: 486 };

export interface IncomingFacts {
  /** The agent's choice: 'ring', or 'busy' (Do Not Disturb). */
  policy: IncomingPolicy;
  /** The INVITE carries Replaces for one of our own calls (an attended transfer of a call we already have). */
  replacesOurCall: boolean;
}

/**
 * Do Not Disturb answers 486 Busy Here — except an INVITE that replaces one
 * of our calls, which is a transfer of a call the agent already took and is
 * always taken.
 */
export function decideIncoming(facts: IncomingFacts): IncomingDecision {
  if (facts.policy === 'busy' && !facts.replacesOurCall) return { kind: 'reject', statusCode: 486 };
  return { kind: 'ring' };
}
