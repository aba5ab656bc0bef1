import WebSocket from 'ws';
import { liveServerMessageSchema, type LiveServerMessage } from '../../../common/schemas/workspace/live';
import type { TestServer } from './test-server';

/** A raw push-channel client, as an app would hold one: every message it got, in order, and how it closed. */
export interface LiveClient {
  readonly messages: LiveServerMessage[];
  /** The first message (already received or still to come) after the first `skip` that matches. */
  next(match: (m: LiveServerMessage) => boolean): Promise<LiveServerMessage>;
  /** Resolves with the close code. */
  readonly closed: Promise<number>;
  /** The highest seq seen (for reconnecting "since"). */
  lastSeq(): number;
  close(): void;
}

/** Listens on a loopback port (once) and returns the push channel's ws:// URL. */
export async function liveUrl(server: Pick<TestServer, 'app'>): Promise<string> {
  if (!server.app.server.listening) await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address();
  return `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/live`;
}

/** Opens the channel and says hello with `token` (and `since`); resolves once the first answer came. */
export async function connectLive(server: Pick<TestServer, 'app'> | string, token: string, since?: number, hello?: string): Promise<LiveClient> {
  const url = typeof server === 'string' ? server : await liveUrl(server);
  const socket = new WebSocket(url);
  const messages: LiveServerMessage[] = [];
  const waiters: Array<{ match: (m: LiveServerMessage) => boolean; resolve: (m: LiveServerMessage) => void }> = [];
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('message', (data) => {
    const message = liveServerMessageSchema.parse(JSON.parse(String(data)));
    messages.push(message);
    for (const w of [...waiters]) {
      if (w.match(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(hello ?? JSON.stringify({ type: 'hello', token, ...(since !== undefined ? { since } : {}) }));
  const client: LiveClient = {
    messages,
    next: (match) => {
      const seen = messages.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
    closed,
    lastSeq: () => Math.max(0, ...messages.map((m) => m.seq)),
    close: () => socket.close(),
  };
  // First answer (ready / resync-required) or the close: the caller sees either.
  await Promise.race([client.next((m) => m.type !== 'event'), closed]);
  return client;
}

/** The events (not ready/resync) a client received, as plain events. */
export function eventsOf(client: LiveClient) {
  return client.messages.flatMap((m) => (m.type === 'event' ? [m.event] : m.type === 'ready' ? m.missed.map((e) => e.event) : []));
}
