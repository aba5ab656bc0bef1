import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email as the test SMTP server received it, decoded far enough to read it like a person. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
  /** Every web address in the plain-text body, in order. */
  links: string[];
}

/**
 * A real SMTP server (the `smtp-server` package) on a loopback port — for the
 * server tests, the end-to-end tests' team side and the lab: what
 * the service sends over SMTP lands in `mails`. `stop()` takes it down (the
 * port refuses connections) and `start()` brings it back on the same port —
 * a mail server that is down for a while. Like a real one, it refuses
 * mailboxes it does not have: any address starting `nobody` gets 550.
 */
export interface SmtpInbox {
  readonly url: string;
  readonly mails: ReceivedMail[];
  /** Mails to one address, oldest first. */
  to(address: string): ReceivedMail[];
  /** The newest mail to `address`; throws when there is none. */
  last(address: string): ReceivedMail;
  stop(): Promise<void>;
  /** Up again on the same port (nothing happens when it is up). */
  start(): Promise<void>;
}

export async function startSmtpInbox(options: { port?: number; onMail?: (mail: ReceivedMail) => void } = {}): Promise<SmtpInbox> {
  const mails: ReceivedMail[] = [];
  let port = options.port ?? 0;
  let server: SMTPServer | undefined;
  let running = false;
  const listen = async () => {
    if (running) return;
    server = new SMTPServer({
      // Plain SMTP on loopback, no login: the service's SMTP_URL is smtp://127.0.0.1:<port>.
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody')) return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const read = readMime(raw);
          const mail = { ...read, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, links: read.text.match(/https?:\/\/[^\s<>"']+/g) ?? [] };
          mails.push(mail);
          options.onMail?.(mail);
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
    running = true;
  };
  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    mails,
    to: (address) => mails.filter((m) => m.to.includes(address)),
    last(address) {
      const mine = mails.filter((m) => m.to.includes(address));
      if (mine.length === 0) throw new Error(`no mail to ${address} (received: ${mails.map((m) => m.to.join(',')).join('; ') || 'none'})`);
      return mine[mine.length - 1]!;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (!running || !server) return resolve();
        running = false;
        server.close(() => resolve());
      }),
    start: listen,
  };
}

/** The invitation link in a mail's plain-text body (where a person reads it). */
export function linkIn(mail: ReceivedMail): string {
  const match = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in:\n${mail.text}`);
  return match[0];
}

/** The token at the end of a link. */
export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

// --- just enough MIME for nodemailer's output: headers, multipart/alternative, QP / base64 ---

function readMime(raw: string): { subject: string; text: string; html: string } {
  const { headers, body } = split(raw);
  const parts = partsOf(headers, body);
  return {
    subject: decodeWords(headers.get('subject') ?? ''),
    text: parts.find((p) => p.type.startsWith('text/plain'))?.body ?? '',
    html: parts.find((p) => p.type.startsWith('text/html'))?.body ?? '',
  };
}

function split(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(at + 4) };
}

function partsOf(headers: Map<string, string>, body: string): { type: string; body: string }[] {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (!type.startsWith('multipart/') || !boundary) return [{ type, body: decodeBody(body, headers.get('content-transfer-encoding')) }];
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .flatMap((chunk) => {
      const part = split(chunk.replace(/^\r\n/, ''));
      return partsOf(part.headers, part.body.replace(/\r\n$/, ''));
    });
}

function decodeBody(body: string, encoding = '7bit'): string {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return Buffer.from(qpBytes(body.replace(/=\r\n/g, ''))).toString('utf8').replace(/\r\n/g, '\n');
  return body.replace(/\r\n/g, '\n');
}

function qpBytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return bytes;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(qpBytes(data.replace(/_/g, ' '))).toString('utf8'),
  );
}
