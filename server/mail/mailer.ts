/**
 * The service's one way to send email: the invitation service composes a
 * message and hands it here. Two adapters — SMTP (smtp-mailer.ts, when
 * SMTP_URL is set) and the log (below, for a laptop with nothing set up).
 */
export interface Mailer {
  /** Resolves once the mail server accepted the message; rejects with its reason otherwise. */
  send(message: MailMessage): Promise<void>;
}

export interface MailMessage {
  to: string;
  subject: string;
  /** The plain-text body: complete on its own (every link written out). */
  text: string;
  /** The same content as simple HTML, every value escaped. */
  html: string;
}

/**
 * Development without a mail server: the message (with its link) goes to
 * the log, so `npm run server` works with nothing to configure. Never used
 * when SMTP_URL is set.
 */
export function logMailer(log: (line: string) => void): Mailer {
  return {
    async send(message) {
      log(`mail not sent (SMTP_URL is not set) — to ${message.to}: ${message.subject}\n${message.text}`);
    },
  };
}
