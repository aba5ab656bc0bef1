import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { KamailioRpcError, kamailioRpc } from '../../../server/services/kamailio-rpc';
import { defaultLiveBindings, noLiveBindings } from '../../../server/services/live-bindings';
import { freePort, startKamailio, type KamailioHandle } from '../../support/kamailio/kamailio.mjs';
import { openPhone } from '../../support/kamailio/sip-phone.mjs';

// The JSON-RPC path of the shipped config and the client the service uses.
// No workspace database is involved (Kamailio's own test users), so this file
// runs once rather than per engine.

async function failureOf(promise: Promise<unknown>): Promise<KamailioRpcError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof KamailioRpcError)) throw new Error(`expected a KamailioRpcError, got ${String(error)}`);
  return error;
}

/** A POST to /RPC from a chosen local address (the whole 127/8 is loopback on Linux). */
function postFrom(localAddress: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/RPC', method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ jsonrpc: '2.0', method: 'ul.dump', id: 1 }));
  });
}

describe('Kamailio JSON-RPC', () => {
  let kamailio: KamailioHandle;
  beforeAll(async () => {
    kamailio = await startKamailio();
  });
  afterAll(() => kamailio?.stop());

  it('a command Kamailio does not know comes back as a clear RPC error', async () => {
    const error = await failureOf(kamailioRpc({ url: kamailio.rpcUrl }).call('no.such.command'));
    expect(error.failure).toBe('rpc-error');
    expect(error.message).toContain('Method Not Found');
  });

  it('the RPC is served on its own loopback socket only: not on the WebSocket port, not to other sources', async () => {
    const onWsPort = await failureOf(kamailioRpc({ url: `http://127.0.0.1:${kamailio.wsPort}/RPC` }).call('ul.dump'));
    expect(onWsPort.failure).toBe('http-status');
    expect(onWsPort.message).toContain('HTTP 404');
    expect(await postFrom('127.0.0.1', kamailio.rpcPort)).toBe(200);
    expect(await postFrom('127.0.0.2', kamailio.rpcPort)).toBe(403);
  });

  it('a Kamailio that is not running is reported as unreachable, naming the address', async () => {
    const url = `http://127.0.0.1:${await freePort('tcp')}/RPC`;
    const error = await failureOf(kamailioRpc({ url }).call('ul.dump'));
    expect(error.failure).toBe('unreachable');
    expect(error.message).toContain(url);
  });

  it('a Kamailio that accepts but never answers times out instead of hanging the request', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const started = Date.now();
      const error = await failureOf(kamailioRpc({ url: `http://127.0.0.1:${port}/RPC`, timeoutMs: 300 }).call('ul.dump'));
      expect(error.failure).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      silent.close();
    }
  });

  it('the service drops bindings over RPC only when RINGDESK_KAMAILIO_RPC is set', async () => {
    expect(defaultLiveBindings(loadConfig({}, '/tmp'))).toBe(noLiveBindings);

    const [user] = kamailio.users;
    if (!user) throw new Error('the test bed has users');
    const phone = await openPhone({ kamailio, user: user.user, password: user.password });
    try {
      expect((await phone.register()).status).toBe(200);
      const config = loadConfig({ RINGDESK_KAMAILIO_RPC: kamailio.rpcUrl, RINGDESK_SIP_DOMAIN: kamailio.domain }, '/tmp');
      await defaultLiveBindings(config).drop(user.user);
      expect(await kamailio.isRegistered(user.user)).toBe(false);
    } finally {
      phone.close();
    }
  });
});
