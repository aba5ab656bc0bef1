import type { LightMyRequestResponse } from 'fastify';
import type { TestServer } from './test-server';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Requests as one signed-in agent, through the real routing and validation (`app.inject`). */
export interface TeamClient {
  request(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function teamClient(server: TestServer, token: string | undefined, address = '203.0.113.7'): TeamClient {
  const request = (method: Method, url: string, body?: unknown) =>
    server.app.inject({
      method,
      url,
      remoteAddress: address,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  return { request, get: (u) => request('GET', u), post: (u, b) => request('POST', u, b), patch: (u, b) => request('PATCH', u, b), delete: (u) => request('DELETE', u) };
}

/** Row counts: "nothing was written" is these staying equal (one definition, in accounts.ts). */
export { rowCounts } from './accounts';

/** Every (alias → sip user) pair Kamailio would route by, sorted: what a dial of each number rings. */
export async function aliases(server: TestServer): Promise<string[]> {
  const rows = await server.db.database.db.selectFrom('dbaliases').select(['alias_username', 'username']).execute();
  return rows.map((r) => `${r.alias_username}→${r.username}`).sort();
}

/** A minimal valid body for adding an agent. */
export function newAgentBody(n: number, groupIds: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: `new${n}@example.com`, fullName: `New Agent ${n}`, extension: String(500 + n), role: 'basic', groupIds, ...extra };
}
