import type { ServerConfig } from '../config';

/**
 * The SIP server's live registrations, as a port: removing or disabling an
 * agent deletes its `subscriber` / `dbaliases` rows (so no new REGISTER or
 * call gets through) and then drops the bindings it already has (so its
 * phone stops ringing at once, not when the registration expires).
 *
 * The Kamailio adapter (JSON-RPC `ul.rm` over RINGDESK_KAMAILIO_RPC) lives
 * beside the Kamailio config; the services only ever see this interface.
 */
export interface LiveBindings {
  /** Forgets every current registration of `sipUser`; resolves once the SIP server has. */
  drop(sipUser: string): Promise<void>;
}

/** Nothing to drop when no SIP server is wired to this workspace (development, tests without Kamailio). */
export const noLiveBindings: LiveBindings = { drop: async () => {} };

/**
 * The bindings port for a configuration with no adapter given: a no-op only
 * when RINGDESK_KAMAILIO_RPC is unset. With it set, silently doing nothing
 * would leave a removed agent's phone ringing, so the service refuses to
 * start instead of pretending.
 */
export function defaultLiveBindings(config: Pick<ServerConfig, 'kamailioRpcUrl'>): LiveBindings {
  if (!config.kamailioRpcUrl) return noLiveBindings;
  throw new Error('server settings: RINGDESK_KAMAILIO_RPC is set, but no Kamailio JSON-RPC adapter was given to createServerContext({ bindings })');
}
