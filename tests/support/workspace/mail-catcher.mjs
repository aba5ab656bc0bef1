// A real SMTP server on loopback (the `smtp-server` package) that keeps every
// message it is sent: the lab prints invitation links from it, and tests read
// the invitation a new agent would get.

import { SMTPServer } from 'smtp-server';

/**
 * @typedef {object} CaughtMail
 * @property {string[]} to
 * @property {string} raw   the message as sent (headers and body)
 * @property {string[]} links  every http(s) URL in it, in order
 */

/**
 * @param {{ port?: number, onMail?: (mail: CaughtMail) => void }} [options]
 * @returns {Promise<{ port: number, url: string, mails: CaughtMail[], stop: () => Promise<void> }>}
 */
export async function startMailCatcher(options = {}) {
  /** @type {CaughtMail[]} */
  const mails = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = /** @type {Buffer[]} */ ([]);
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        // Quoted-printable soft breaks would cut links in two.
        const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
        const links = [...new Set(text.match(/https?:\/\/[^\s"'<>]+/g) ?? [])];
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw, links };
        mails.push(mail);
        options.onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, url: `smtp://127.0.0.1:${port}`, mails, stop: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}
