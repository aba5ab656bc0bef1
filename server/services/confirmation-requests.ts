/**
 * "This agent must confirm its email address": the port the invitation
 * service implements (token, email, resend). The team services call it
 * after their change is committed — never inside the transaction, so no
 * email goes out for a change that was rolled back, and a slow mail server
 * never holds the team's write lock.
 *
 * In every case the agent is `pending` when this is called: it has no SIP
 * credentials (`subscriber` row) and no aliases. Confirming must provision
 * the subscriber (sip-provisioning.ts) and then call `routeConfirmedAgent`
 * (team-routing.ts) so its extension and groups ring it.
 */
export interface ConfirmationRequests {
  request(event: ConfirmationRequest): Promise<void>;
}

export interface ConfirmationRequest {
  agentId: string;
  /** Where the confirmation goes (already the new address after a change). */
  email: string;
  /**
   * `created`: a new agent, first invitation. `email-changed`: the address
   * changed, so it is confirmed again. `re-enabled`: a disabled agent lost
   * its SIP credentials and sets a password again.
   */
  reason: 'created' | 'email-changed' | 're-enabled';
  /** The admin (or the agent) whose change asked for it. */
  requestedBy: string;
}
