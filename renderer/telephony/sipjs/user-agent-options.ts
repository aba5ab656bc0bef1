import { SIPExtension, type URI, type UserAgentOptions } from 'sip.js';
import type { EngineAccount } from '../../../common/schemas/account';
import type { ConnectionDeps } from './connection';

export const USER_AGENT_STRING = 'Ringdesk/0.1 (sip.js)';
/** CRLF keep-alive pings, seconds (sip.js jitters them to 80–100 %). */
export const KEEP_ALIVE_SEC = 20;
/** Give up opening the WebSocket after this many seconds. */
export const CONNECT_TIMEOUT_SEC = 5;

/**
 * How every UserAgent of ours is set up (./connection.ts adds its delegate).
 * Each choice here is deliberate; the comments say why.
 */
export function userAgentOptions(account: EngineAccount, uri: URI, deps: Omit<ConnectionDeps, 'observer'>): UserAgentOptions {
  return {
    uri,
    displayName: account.displayName,
    authorizationUsername: account.authorizationUsername,
    // Digest from the HA1: the password itself never reaches the renderer.
    authorizationHa1: account.authorizationHa1,
    transportOptions: {
      server: account.wsServer,
      keepAliveInterval: KEEP_ALIVE_SEC,
      connectionTimeout: CONNECT_TIMEOUT_SEC,
      traceSip: false, // never log whole SIP messages (they carry Authorization)
    },
    ...(deps.transportConstructor ? { transportConstructor: deps.transportConstructor } : {}),
    ...(deps.sessionDescriptionHandlerFactory ? { sessionDescriptionHandlerFactory: deps.sessionDescriptionHandlerFactory } : {}),
    // reconnectionAttempts is left at sip.js's default, 0 (main owns back-off):
    // setting it explicitly only makes sip.js log a deprecation warning.
    sessionDescriptionHandlerFactoryOptions: {
      // Always explicit: sip.js would otherwise use a public STUN server.
      peerConnectionConfiguration: { iceServers: account.iceServers },
      ...(deps.iceGatheringTimeoutMs !== undefined ? { iceGatheringTimeout: deps.iceGatheringTimeoutMs } : {}),
    },
    // Attended transfers to us: an INVITE with Replaces finds the call it replaces.
    sipExtensionReplaces: SIPExtension.Supported,
    // Incoming INVITEs get no automatic 180: a Do-Not-Disturb 486 must not
    // be preceded by ringing. Whoever takes the call sends progress() itself.
    sendInitialProvisionalResponse: false,
    logLevel: 'warn',
    logBuiltinEnabled: false, // everything goes through the filtering connector
    logConfiguration: false, // would dump the options, HA1 included
    logConnector: deps.logConnector,
    userAgentString: USER_AGENT_STRING,
    // One installation, one binding (RFC 5626): with the same +sip.instance
    // and reg-id a reloaded or restarted engine's REGISTER replaces the
    // binding its predecessor left, instead of adding a second one that
    // keeps receiving forked calls until it expires. The Contact itself is
    // stable too, for registrars that match bindings by Contact URI only.
    ...(account.instanceId ? stableContact(account.instanceId) : {}),
  };
}

/**
 * UserAgent options that keep one installation's Contact the same across
 * engines: the +sip.instance (RFC 5626 §4.1, a UUID URN) and a Contact
 * user and host derived from it (sip.js would pick random ones per engine).
 */
export function stableContact(instanceId: string): Pick<UserAgentOptions, 'instanceId' | 'contactName' | 'viaHost'> {
  const token = instanceId.replace(/-/g, '').slice(0, 12).toLowerCase();
  return { instanceId, contactName: `rd${token}`, viaHost: `${token}.invalid` };
}
