import { Core, Registerer, type RegistererOptions, type RegistererRegisterOptions, type UserAgent } from 'sip.js';

/**
 * The parts of sip.js's Registerer that ./sipjs-connection.ts needs help
 * with. Part of the sip.js adapter; nothing here leaves renderer/telephony.
 */

export type RequestDelegate = NonNullable<RegistererRegisterOptions['requestDelegate']>;
export type IncomingResponse = Parameters<NonNullable<RequestDelegate['onAccept']>>[0];

/**
 * sip.js's own refresh timer calls `this.register()` with no options, so a
 * delegate passed to the first `register()` never hears about refreshes.
 * Overriding `register` puts our delegate on every REGISTER, refreshes and
 * the automatic 423 retry included.
 */
export class ObservedRegisterer extends Registerer {
  constructor(
    userAgent: UserAgent,
    options: RegistererOptions,
    private readonly delegateFor: () => RequestDelegate,
  ) {
    super(userAgent, options);
  }

  override register(options: RegistererRegisterOptions = {}): ReturnType<Registerer['register']> {
    return super.register({ ...options, requestDelegate: this.delegateFor() });
  }
}

/** The lifetime the registrar granted our Contact (RFC 3261 §10.3 step 8), else the one we asked for. */
export function grantedExpires(response: IncomingResponse, ua: UserAgent, requested: number): number {
  const message = response.message;
  const count = message.getHeaders('contact').length;
  for (let i = 0; i < count; i += 1) {
    const contact = message.parseHeader('contact', i);
    // sip.js's own rule when contactName is random: the user part is unique to this UA.
    if (contact?.uri?.user === ua.contact.uri.user) {
      const expires = Number(contact.getParam('expires'));
      if (Number.isFinite(expires) && expires > 0) return clampExpires(expires);
    }
  }
  const header = Number(message.getHeader('expires'));
  return clampExpires(Number.isFinite(header) && header > 0 ? header : requested);
}

function clampExpires(seconds: number): number {
  return Math.min(86_400, Math.max(1, Math.round(seconds)));
}

/**
 * Fails every REGISTER transaction still waiting on this UA's closed
 * transport. sip.js 0.21 keeps them until Timer F; its non-INVITE client
 * transaction has the right handler but marks it protected.
 */
export function failPendingRegisters(ua: UserAgent): void {
  for (const client of [...ua.userAgentCore.userAgentClients.values()]) {
    if (client.message.method !== 'REGISTER') continue;
    try {
      const transaction = client.transaction as unknown as { state: string; onTransportError(error: Error): void };
      if (transaction.state === Core.TransactionState.Trying || transaction.state === Core.TransactionState.Proceeding) {
        transaction.onTransportError(new Core.TransportError('WebSocket closed'));
      }
    } catch {
      // no transaction any more, or it ended meanwhile
    }
  }
}
