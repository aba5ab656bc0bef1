import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIVE_CLOSE, liveClientMessageSchema } from '../../common/schemas/workspace/live';
import type { ServerContext } from '../server-context';

/** How long a new connection has to say hello before it is closed. */
const HELLO_TIMEOUT_MS = 10_000;
/** WebSocket pings keep proxies from timing the connection out and show the app the line is alive. */
const PING_MS = 30_000;
/** Largest message an app may send (a hello with its token). */
const MAX_CLIENT_MESSAGE = 4096;

/**
 * `GET /api/v1/live`: the push channel (WebSocket). The access token comes
 * in the first message, never in the URL — URLs end up in access logs and
 * proxies' logs. See common/schemas/workspace/live.ts for the exchange.
 */
export function liveRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/live', { websocket: true }, (socket) => {
      let leave: (() => void) | null = null;
      let greeted = false;
      const helloTimer = setTimeout(() => socket.close(LIVE_CLOSE.unauthorized), HELLO_TIMEOUT_MS);
      const ping = setInterval(() => socket.ping(), PING_MS);
      const live = {
        send: (message: object) => socket.send(JSON.stringify(message)),
        close: (code: number) => socket.close(code),
      };
      socket.on('message', (data, isBinary) => {
        const text = isBinary ? '' : String(data);
        if (greeted) return; // nothing else is expected from the app
        greeted = true;
        clearTimeout(helloTimer);
        const hello = text.length <= MAX_CLIENT_MESSAGE ? liveClientMessageSchema.safeParse(safeJson(text)) : null;
        if (!hello?.success) return socket.close(LIVE_CLOSE.unauthorized);
        context.live
          .join(live, hello.data)
          .then((done) => {
            leave = done;
            if (socket.readyState !== socket.OPEN) done?.();
          })
          .catch((err: unknown) => {
            app.log.error({ err }, 'live: joining failed');
            socket.close(1011);
          });
      });
      socket.on('close', () => {
        clearTimeout(helloTimer);
        clearInterval(ping);
        leave?.();
      });
      socket.on('error', () => undefined);
    });
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
