import nodemailer from 'nodemailer';
import type { Mailer } from './mailer';

/**
 * Mail over SMTP with nodemailer: `smtp://user:pass@host:587` (STARTTLS when
 * the server offers it) or `smtps://…:465` (TLS from the start).
 *
 * Why the timeouts — do not remove: sending runs after the team change is
 * committed but inside the admin's request; a mail server that accepts the
 * connection and then says nothing must not hold that request for minutes
 * (nodemailer's defaults are 2 min / 30 s / 10 min). The invitation is saved
 * either way, and the admin can resend.
 */
export function smtpMailer(options: { url: string; from: string; timeoutMs?: number }): Mailer & { close(): void } {
  const timeout = options.timeoutMs ?? 10_000;
  // The URL carries host, port, TLS and credentials; the timeouts ride beside it.
  const transport = nodemailer.createTransport({ url: options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
    },
    close: () => transport.close(),
  };
}
