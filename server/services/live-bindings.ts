import type { ServerConfig } from '../config';
import { kamailioRpc, removeBindings, type KamailioRpc } from './kamailio-rpc';

/**
 * The SIP server's live registrations, as a port: removing or disabling an
 * agent deletes its `subscriber` / `dbaliases` rows (so no new REGISTER or
 * call gets through) and then drops the bindings it already has (so its
 * phone stops ringing at once, not when the registration expires — up to an
 * hour later with the shipped config's max_expires).
 *
 * The services only ever see this interface; the Kamailio adapter below
 * speaks JSON-RPC (`ul.rm`) to the loopback-only /RPC of
 * server/kamailio/kamailio.cfg.
 */
export interface LiveBindings {
  /** Forgets every current registration of `sipUser`; resolves once the SIP server has. */
  drop(sipUser: string): Promise<void>;
}

/** Nothing to drop when no SIP server is wired to this workspace (development, tests without Kamailio). */
export const noLiveBindings: LiveBindings = { drop: async () => {} };

/**
 * Bindings in Kamailio's location table, removed over JSON-RPC. The AoR is
 * `user@domain`; Kamailio strips the domain itself when its usrloc runs
 * without domains (the shipped config), so this works either way. Rejects
 * with a KamailioRpcError when Kamailio cannot be reached or refuses.
 */
export function kamailioLiveBindings(rpc: KamailioRpc, sipDomain: string): LiveBindings {
  return { drop: (sipUser) => removeBindings(rpc, `${sipUser}@${sipDomain}`) };
}

/**
 * The bindings port the configuration asks for: Kamailio's JSON-RPC when
 * RINGDESK_KAMAILIO_RPC is set, and a no-op only when it is unset (the
 * service then runs without a SIP server to tell).
 */
export function defaultLiveBindings(config: Pick<ServerConfig, 'kamailioRpcUrl' | 'sipDomain'>): LiveBindings {
  if (!config.kamailioRpcUrl) return noLiveBindings;
  return kamailioLiveBindings(kamailioRpc({ url: config.kamailioRpcUrl }), config.sipDomain);
}
