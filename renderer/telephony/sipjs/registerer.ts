import { Core, Registerer, type RegistererOptions, type RegistererRegisterOptions, type UserAgent } from 'sip.js';
import { MAX_REGISTRATION_SEC } from '../../../common/schemas/account';

/**
 * The parts of sip.js's Registerer that ./connection.ts needs help
 * with. Part of the sip.js adapter; nothing here leaves renderer/telephony/sipjs/.
 */

export type RequestDelegate = NonNullable<RegistererRegisterOptions['requestDelegate']>;
export type IncomingResponse = Parameters<NonNullable<RequestDelegate['onAccept']>>[0];


/** What an {@link ObservedRegisterer} asks of its owner. */
export interface RegistererHooks {
  /** The delegate for the REGISTER about to go out (first, refresh or 423 retry). */
  delegateFor(): RequestDelegate;
  /**
   * A 423 Interval Too Brief came back and sip.js wanted to retry at once,
   * but the retry would not help (Min-Expires not above what we sent, or
   * absurdly long) or one retry for this attempt was already spent. Nothing
   * was sent; the attempt is over.
   */
  intervalRefused(minExpiresSec: number, sentExpiresSec: number): void;
}

/**
 * sip.js's own refresh timer calls `this.register()` with no options, so a
 * delegate passed to the first `register()` never hears about refreshes.
 * Overriding `register` puts our delegate on every REGISTER, refreshes and
 * the automatic 423 retry included.
 *
 * It also bounds that 423 retry. sip.js answers a 423 by setting its expiry
 * to Min-Expires and calling `register()` again at once, with no limit and
 * without telling any delegate: a registrar that keeps answering 423 with a
 * Min-Expires not above what was sent gets ~800 REGISTERs a second, enough
 * to get an office's shared address blocked. RFC 3261 §10.2.8 allows one
 * retry with the longer interval; we allow exactly that, per attempt.
 */
export class ObservedRegisterer extends Registerer {
  /** A REGISTER of ours went out and has had no final answer our delegate heard of. */
  private awaitingAnswer = false;
  /** The expiry the last REGISTER carried. */
  private sentExpires = 0;
  /** This attempt already spent its one 423 retry. */
  private intervalRetried = false;

  constructor(
    userAgent: UserAgent,
    options: RegistererOptions,
    private readonly hooks: RegistererHooks,
  ) {
    super(userAgent, options);
  }

  override register(options: RegistererRegisterOptions = {}): ReturnType<Registerer['register']> {
    const expires = this.currentExpires();
    if (this.awaitingAnswer) {
      // Only sip.js's 423 handling calls register() while our REGISTER is unanswered.
      const useful = !this.intervalRetried && expires > this.sentExpires && expires <= MAX_REGISTRATION_SEC;
      if (!useful) {
        this.awaitingAnswer = false;
        this.hooks.intervalRefused(expires, this.sentExpires);
        const refused = Promise.reject(new Error('423 retry refused'));
        refused.catch(() => undefined); // sip.js ignores the promise it gets back
        return refused;
      }
      this.intervalRetried = true;
    } else {
      this.intervalRetried = false;
    }
    this.sentExpires = expires;
    this.awaitingAnswer = true;
    return super.register({ ...options, requestDelegate: this.answered(this.hooks.delegateFor()) });
  }

  /** The expiry the last REGISTER asked for, seconds (after a 423 retry: the registrar's Min-Expires). */
  get sentExpiresSec(): number {
    return this.sentExpires;
  }

  /** sip.js keeps the expiry it will send (raised to Min-Expires after a 423) in a private field. */
  private currentExpires(): number {
    const expires = Number((this as unknown as { expires?: unknown }).expires);
    return Number.isFinite(expires) ? expires : 0;
  }

  private answered(delegate: RequestDelegate): RequestDelegate {
    const settle = (): void => {
      this.awaitingAnswer = false;
    };
    return {
      ...delegate,
      onAccept: (response) => {
        settle();
        delegate.onAccept?.(response);
      },
      onReject: (response) => {
        settle();
        delegate.onReject?.(response);
      },
      onRedirect: (response) => {
        settle();
        delegate.onRedirect?.(response);
      },
    };
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
  return Math.min(MAX_REGISTRATION_SEC, Math.max(1, Math.round(seconds)));
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
