import WebSocket from 'ws';

/** The push channel's socket as live sync uses it: text in, text out, how it closed. */
export interface LiveSocket {
  send(text: string): void;
  close(): void;
}

export interface LiveSocketHandlers {
  open(): void;
  message(text: string): void;
  /** Anything from the server, pings included: the line is alive. */
  activity(): void;
  closed(code: number): void;
}

export type LiveSocketFactory = (url: string, handlers: LiveSocketHandlers) => LiveSocket;

/**
 * The `ws` package's client (Node 20 has no WebSocket global unless
 * flagged; Electron's Node would, but tests run main on plain Node). It
 * answers the server's pings by itself.
 */
export const wsLiveSocket: LiveSocketFactory = (url, handlers) => {
  // No redirects: the first message carries the access token.
  const socket = new WebSocket(url, { followRedirects: false, handshakeTimeout: 8_000, maxPayload: 4 * 1024 * 1024 });
  socket.on('open', () => handlers.open());
  socket.on('message', (data, isBinary) => {
    handlers.activity();
    if (!isBinary) handlers.message(String(data));
  });
  socket.on('ping', () => handlers.activity());
  socket.on('close', (code) => handlers.closed(code));
  socket.on('error', () => undefined); // 'close' follows with the code (1006 when the connection failed)
  return {
    send: (text) => socket.send(text),
    close: () => (socket.readyState === WebSocket.CONNECTING ? socket.terminate() : socket.close(1000)),
  };
};
