// Types for sip-phone.mjs.
import type { KamailioHandle } from './kamailio.mjs';
import type { SipMessage } from './sip-invite.mjs';

export interface PhoneOptions {
  /** Where to register (127.0.0.1:udpPort) and the domain of the AoR and realm. */
  kamailio: Pick<KamailioHandle, 'udpPort' | 'domain'>;
  /** SIP user (the AoR's user part). */
  user: string;
  /** Answers the 401 challenge; without it the phone sends no credentials. */
  password?: string;
  /** 'ring' (default): 180 Ringing until CANCEL, then 487. A number: that final status at once (e.g. 486). */
  answer?: 'ring' | number;
}

export interface RegisterResult {
  /** Final status of the (authenticated) REGISTER; null when nothing answered within 4 s. */
  status: number | null;
  reason: string | null;
}

export interface Phone {
  /** Local UDP port (the Contact the phone registers). */
  readonly port: number;
  readonly user: string;
  /** Every new INVITE that reached the phone, in arrival order (retransmissions once). */
  readonly invites: SipMessage[];
  /** Every CANCEL that reached the phone. */
  readonly cancels: SipMessage[];
  /** REGISTERs its Contact (default Expires 300), answering one 401 with the password (this one or the phone's). */
  register(options?: { expires?: number; password?: string }): Promise<RegisterResult>;
  /** Resolves with the first `count` INVITEs once that many have arrived; rejects after timeoutMs (default 5000). */
  waitForInvites(count?: number, timeoutMs?: number): Promise<SipMessage[]>;
  close(): void;
}

/** A UDP phone on a free loopback port; register() to make it reachable. */
export declare function openPhone(options: PhoneOptions): Promise<Phone>;
