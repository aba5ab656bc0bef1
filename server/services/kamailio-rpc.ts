import { z } from 'zod';

/**
 * A small client for Kamailio's JSON-RPC over HTTP (the jsonrpcs module,
 * served by server/kamailio/kamailio.cfg at http://127.0.0.1:<port>/RPC on
 * loopback only). The service uses it to act on live state that is not in
 * the database: the location table (usrloc) of registered devices.
 */
export interface KamailioRpc {
  /** Calls one RPC command; resolves with its `result`, rejects with a {@link KamailioRpcError}. */
  call(method: string, params?: readonly (string | number)[]): Promise<unknown>;
}

/** Why a call failed: so callers can tell "Kamailio is down" from "Kamailio said no". */
export type KamailioRpcFailure = 'unreachable' | 'timeout' | 'http-status' | 'bad-response' | 'rpc-error';

/** A failed RPC call, with a message an operator can act on (never a stack trace for a user). */
export class KamailioRpcError extends Error {
  constructor(
    message: string,
    readonly failure: KamailioRpcFailure,
    /** The JSON-RPC error Kamailio answered with, e.g. 500 "AOR not found in location table". */
    readonly rpcError?: { code: number; message: string },
  ) {
    super(message);
    this.name = 'KamailioRpcError';
  }
}

const responseSchema = z.union([
  z.object({ jsonrpc: z.literal('2.0'), result: z.unknown(), id: z.unknown() }),
  z.object({ jsonrpc: z.literal('2.0'), error: z.object({ code: z.number(), message: z.string() }), id: z.unknown() }),
]);

export interface KamailioRpcOptions {
  /** e.g. http://127.0.0.1:8089/RPC (RINGDESK_KAMAILIO_RPC). */
  url: string;
  /** Per call; a SIP server that does not answer within this is treated as down. Default 2000 ms. */
  timeoutMs?: number;
}

/** A JSON-RPC client for one Kamailio. */
export function kamailioRpc(options: KamailioRpcOptions): KamailioRpc {
  const timeoutMs = options.timeoutMs ?? 2000;
  let nextId = 1;
  return {
    async call(method, params = []) {
      const where = `Kamailio JSON-RPC at ${options.url}`;
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', method, params, id: nextId++ }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError') {
          throw new KamailioRpcError(`${where} did not answer ${method} within ${timeoutMs} ms`, 'timeout');
        }
        throw new KamailioRpcError(`${where} is unreachable (${causeOf(error)}); is Kamailio running with RPC_PORT set to this port?`, 'unreachable');
      }
      const text = await response.text().catch(() => '');
      // jsonrpcs answers a failed command with HTTP = the error code (often 500)
      // and a proper JSON-RPC error body: read the body first.
      const body = parseResponse(text);
      if (body && 'error' in body) {
        throw new KamailioRpcError(`${where}: ${method} failed: ${body.error.code} ${body.error.message}`, 'rpc-error', body.error);
      }
      if (!response.ok) {
        throw new KamailioRpcError(`${where} answered HTTP ${response.status} to ${method}${response.status === 403 ? ' (the RPC path only serves loopback clients)' : ''}`, 'http-status');
      }
      if (!body) throw new KamailioRpcError(`${where} sent something that is not a JSON-RPC 2.0 answer to ${method}`, 'bad-response');
      return body.result;
    },
  };
}

function parseResponse(text: string): z.infer<typeof responseSchema> | null {
  try {
    return responseSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

/** fetch wraps the socket error ("ECONNREFUSED …") in `cause`; that is the useful part. */
function causeOf(error: unknown): string {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return String(cause);
}

const contactsSchema = z.object({
  Contacts: z.array(z.object({ Contact: z.object({ Address: z.string() }).loose() })).optional(),
}).loose();

/** usrloc's answer for an AoR it holds nothing for (a 500, so only the words tell). */
const isAorNotFound = (error: unknown) => error instanceof KamailioRpcError && /AOR not found/i.test(error.rpcError?.message ?? '');

/**
 * The contact URIs registered for an AoR (`ul.lookup location <aor>`), [] when
 * it has none.
 */
export async function lookupContacts(rpc: KamailioRpc, aor: string): Promise<string[]> {
  try {
    const result = contactsSchema.parse((await rpc.call('ul.lookup', ['location', aor])) ?? {});
    return (result.Contacts ?? []).map((c) => c.Contact.Address);
  } catch (error) {
    if (isAorNotFound(error)) return [];
    if (error instanceof z.ZodError) throw new KamailioRpcError(`Kamailio's ul.lookup answer for ${aor} has an unexpected shape`, 'bad-response');
    throw error;
  }
}

/** Removes every binding of an AoR (`ul.rm location <aor>`); nothing to remove is not an error. */
export async function removeBindings(rpc: KamailioRpc, aor: string): Promise<void> {
  try {
    await rpc.call('ul.rm', ['location', aor]);
  } catch (error) {
    if (isAorNotFound(error)) return;
    throw error;
  }
}
