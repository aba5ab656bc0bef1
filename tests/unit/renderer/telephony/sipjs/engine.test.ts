import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { engineReportSchema, type EngineReport } from '../../../../../common/schemas/engine';
import { createSipJsTelephony, type SipJsTelephonyOptions } from '../../../../../renderer/telephony/sipjs/engine';
import { createFakeSessionDescriptionHandlerFactory } from '../../../../fakes/fake-session-description-handler';
import { establishedOutbound, registeredPhone } from '../../../../fakes/sip-call-peer';
import { ACCOUNT, digestIsValid, FakeSipServer, HA1, incomingInvite, md5, SERVER } from '../../../../fakes/sip-fake-transport';

/*
 * The engine runs real sip.js against a fake WebSocket transport (sip.js's
 * `transportConstructor` option) and a scripted registrar that speaks raw SIP
 * (tests/fakes/sip-fake-transport.ts): digest challenges checked against the
 * HA1, 200/403/404/423, silence, dropped connections, and raw INVITEs.
 */

// ---------------------------------------------------------------- harness

async function flush(): Promise<void> {
  for (let i = 0; i < 30; i += 1) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
}

function setup(options: Partial<SipJsTelephonyOptions> = {}) {
  const server = new FakeSipServer();
  const logs: string[] = [];
  const telephony = createSipJsTelephony({
    transportConstructor: server.transportClass,
    sessionDescriptionHandlerFactory: createFakeSessionDescriptionHandlerFactory(),
    log: (level, line) => logs.push(`${level} ${line}`),
    ...options,
  });
  const reports: EngineReport[] = [];
  telephony.onReport((report) => {
    expect(engineReportSchema.safeParse(report).success, JSON.stringify(report)).toBe(true);
    reports.push(report);
  });
  const states = (): string[] => reports.map((r) => (r.state === 'failed' ? `failed:${r.cause}` : r.state));
  return { server, telephony, reports, logs, states };
}

async function registered(options: Partial<SipJsTelephonyOptions> = {}) {
  const ctx = setup(options);
  ctx.telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
  await flush();
  expect(ctx.states()).toEqual(['registering', 'registered']);
  return ctx;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------- tests

describe('registering', () => {
  it('reports registering, then registered with the lifetime the server granted', async () => {
    const { server, telephony, reports, states } = setup();
    server.grantSeconds = 300;
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();

    expect(states()).toEqual(['registering', 'registered']);
    expect(reports[1]).toEqual({ state: 'registered', expiresInSec: 300 });
    // challenged first, then answered with a digest the server could verify from the HA1
    expect(server.registers).toHaveLength(2);
    expect(server.registers[0]?.header('Authorization')).toBeUndefined();
    expect(digestIsValid(server.registers[1]!, HA1)).toBe(true);
    expect(server.registers[1]?.contactExpires).toBe(600);
    expect(server.registers[1]?.header('User-Agent')).toBe('Ringdesk/0.1 (sip.js)');
    expect(server.registers[1]?.header('From')).toContain('"Alice Agent"');
  });

  it('opens the WebSocket with keep-alive pings and a connect timeout', async () => {
    const { server } = await registered();
    expect(server.transports).toHaveLength(1);
    expect(server.transports[0]?.options).toMatchObject({ server: SERVER, keepAliveInterval: 20, connectionTimeout: 5, traceSip: false });
  });

  it('refreshes the registration well before it expires and reports registered again', async () => {
    const { server, reports } = await registered();
    server.grantSeconds = 300;
    // the first grant was 600 s: refresh at 80 % = 480 s
    await vi.advanceTimersByTimeAsync(479_000);
    const before = server.registers.length;
    expect(reports).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(1_500);
    await flush();
    expect(server.registers.length).toBeGreaterThan(before);
    expect(reports.at(-1)).toEqual({ state: 'registered', expiresInSec: 300 });

    // and the next one follows the new grant: 80 % of 300 s
    const afterFirstRefresh = server.registers.length;
    await vi.advanceTimersByTimeAsync(241_000);
    await flush();
    expect(server.registers.length).toBeGreaterThan(afterFirstRefresh);
    expect(reports.filter((r) => r.state === 'registered')).toHaveLength(3);
  });

  it('retries with the Min-Expires the server demands (423) and reports the result', async () => {
    const { server, telephony, reports } = setup();
    server.answer = (request) => {
      if (!digestIsValid(request, HA1)) return server.digestRegistrar(request);
      return (request.contactExpires ?? 0) < 900
        ? { code: 423, reason: 'Interval Too Brief', headers: ['Min-Expires: 900'] }
        : server.ok(request);
    };
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(reports.at(-1)).toEqual({ state: 'registered', expiresInSec: 900 });
  });

  it('asks for the Min-Expires it was granted with from then on, so the next attempt is not refused first', async () => {
    const { server, telephony } = setup();
    server.answer = (request) => {
      if (!digestIsValid(request, HA1)) return server.digestRegistrar(request);
      return (request.contactExpires ?? 0) < 900 ? { code: 423, reason: 'Interval Too Brief', headers: ['Min-Expires: 900'] } : server.ok(request);
    };
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    const before = server.registers.length;
    telephony.execute({ type: 'reconnect', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(server.registers.slice(before).map((r) => r.contactExpires)).toEqual([900]);
  });

  it('does not loop when the registrar keeps answering 423 with a Min-Expires no higher than what was sent', async () => {
    const { server, telephony, reports } = setup();
    server.answer = (request) =>
      digestIsValid(request, HA1)
        ? { code: 423, reason: 'Interval Too Brief', headers: [`Min-Expires: ${request.contactExpires ?? 600}`] }
        : server.digestRegistrar(request);
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    await vi.advanceTimersByTimeAsync(60_000);

    // challenge + one authenticated REGISTER; sip.js alone would send hundreds a second
    expect(server.registers).toHaveLength(2);
    expect(reports).toEqual([
      { state: 'registering' },
      { state: 'failed', cause: 'server', statusCode: 423, detail: { code: 'server.interval-too-brief', minExpiresSec: 600, sentExpiresSec: 600 } },
    ]);
  });

  it('retries a 423 once with the longer interval, and fails if the registrar then insists on even more', async () => {
    const { server, telephony, reports } = setup();
    server.answer = (request) =>
      digestIsValid(request, HA1)
        ? { code: 423, reason: 'Interval Too Brief', headers: [`Min-Expires: ${(request.contactExpires ?? 600) * 2}`] }
        : server.digestRegistrar(request);
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    await vi.advanceTimersByTimeAsync(60_000);

    const authenticated = server.registers.filter((r) => digestIsValid(r, HA1));
    expect(authenticated.map((r) => r.contactExpires)).toEqual([600, 1200]);
    expect(reports.at(-1)).toMatchObject({ state: 'failed', cause: 'server', statusCode: 423 });
    // the next attempt starts over, with its own single retry
    telephony.execute({ type: 'reconnect', account: ACCOUNT, incoming: 'ring' });
    await flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.registers.filter((r) => digestIsValid(r, HA1))).toHaveLength(4);
  });

  it('sends this installation\'s +sip.instance and reg-id, and the same Contact from a new engine', async () => {
    const instanceId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const account = { ...ACCOUNT, instanceId };
    const contacts: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { server, telephony, states } = setup();
      telephony.execute({ type: 'register', account, incoming: 'ring' });
      await flush();
      expect(states()).toEqual(['registering', 'registered']);
      contacts.push(server.registers.at(-1)?.header('Contact') ?? '');
      await telephony.dispose();
    }
    expect(contacts[0]).toContain(`+sip.instance="<urn:uuid:${instanceId}>"`);
    expect(contacts[0]).toContain('reg-id=1');
    expect(contacts[1]).toBe(contacts[0]);
  });
});

describe('registration failures', () => {
  it('passes on how long the server asked us to stay away (503 Retry-After) and sends nothing more itself', async () => {
    const { server, telephony, reports } = setup();
    server.answer = (request) =>
      request.header('Authorization') ? { code: 503, reason: 'Service Unavailable', headers: ['Retry-After: 30 (maintenance)'] } : server.digestRegistrar(request);
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reports.at(-1)).toEqual({ state: 'failed', cause: 'server', statusCode: 503, detail: { code: 'server.refused', reason: 'Service Unavailable' }, retryAfterSec: 30 });
    expect(server.registers).toHaveLength(2);
  });

  it('reports wrong credentials (403 after the digest) once, as an auth failure', async () => {
    const { server, telephony, reports } = setup();
    server.answer = (request) =>
      request.header('Authorization') ? { code: 403, reason: 'Forbidden' } : server.digestRegistrar(request);
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    await vi.advanceTimersByTimeAsync(120_000);

    expect(reports).toEqual([
      { state: 'registering' },
      { state: 'failed', cause: 'auth', statusCode: 403, detail: { code: 'auth.rejected', reason: 'Forbidden' } },
    ]);
    expect(server.registers).toHaveLength(2); // no retry of its own
  });

  it('reports a wrong HA1 (challenged again) as an auth failure with 401', async () => {
    const { server, telephony, reports } = setup();
    telephony.execute({ type: 'register', account: { ...ACCOUNT, authorizationHa1: md5('1001:127.0.0.1:wrong') }, incoming: 'ring' });
    await flush();
    expect(reports.at(-1)).toMatchObject({ state: 'failed', cause: 'auth', statusCode: 401 });
    expect(server.registers).toHaveLength(2);
  });

  it('names a realm mismatch when the challenge realm is not the one the HA1 was made for', async () => {
    const { telephony, reports } = setup();
    // HA1 made for another realm than the server's (127.0.0.1)
    const account = { ...ACCOUNT, realm: 'pbx.example.com', authorizationHa1: md5('1001:pbx.example.com:pass1001') };
    telephony.execute({ type: 'register', account, incoming: 'ring' });
    await flush();
    expect(reports.at(-1)).toMatchObject({ state: 'failed', cause: 'auth', detail: { code: 'auth.realm-mismatch', realm: '127.0.0.1', expectedRealm: 'pbx.example.com' } });
  });

  it('reports other final answers as server failures with their status code', async () => {
    const { server, telephony, reports } = setup();
    server.answer = () => ({ code: 404, reason: 'Not Found' });
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(reports.at(-1)).toMatchObject({ state: 'failed', cause: 'server', statusCode: 404 });

    server.answer = () => ({ code: 503, reason: 'Service Unavailable' });
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(reports.slice(2)).toEqual([
      { state: 'registering' },
      { state: 'failed', cause: 'server', statusCode: 503, detail: { code: 'server.refused', reason: 'Service Unavailable' } },
    ]);
  });

  it('reports a timeout once when the server never answers', async () => {
    const { server, telephony, states } = setup();
    server.answer = () => 'silent';
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    await vi.advanceTimersByTimeAsync(31_000);
    expect(states()).toEqual(['registering']);
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states()).toEqual(['registering', 'failed:timeout']);
  });

  it('reports an expired registration once when refreshes go unanswered', async () => {
    const { server, telephony, reports, states } = setup();
    server.grantSeconds = 30;
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    server.answer = () => 'silent';
    await vi.advanceTimersByTimeAsync(29_000); // refresh went out at 24 s
    expect(states()).toEqual(['registering', 'registered']);
    await vi.advanceTimersByTimeAsync(2_000); // expired at 30 s
    expect(reports.at(-1)).toMatchObject({ state: 'failed', cause: 'timeout', detail: { code: 'registration.expired' } });
    await vi.advanceTimersByTimeAsync(60_000); // the refresh's own timeout (Timer F) is not a second failure
    expect(states()).toEqual(['registering', 'registered', 'failed:timeout']);
  });

  it('reports an unreachable server as a network failure naming the address', async () => {
    const { server, telephony, reports } = setup();
    server.up = false;
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(reports).toEqual([
      { state: 'registering' },
      { state: 'failed', cause: 'network', detail: { code: 'network.unreachable' } },
    ]);
  });

  it('reports a dropped connection while registered at once, and only once', async () => {
    const { server, reports, states } = await registered();
    server.transports[0]!.drop();
    // synchronously: no waiting for a refresh to notice
    expect(reports.at(-1)).toEqual({ state: 'failed', cause: 'network', detail: { code: 'network.lost' } });

    const sent = server.registers.length;
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    expect(states()).toEqual(['registering', 'registered', 'failed:network']);
    expect(server.registers).toHaveLength(sent); // no refresh timers left running
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a connection dropped in the middle of a refresh leaves no timers behind', async () => {
    const { server, telephony, states } = await registered();
    server.answer = () => 'silent';
    await vi.advanceTimersByTimeAsync(481_000); // refresh sent, no answer
    server.transports[0]!.drop();
    telephony.execute({ type: 'unregister' });
    await flush();
    expect(states()).toEqual(['registering', 'registered', 'failed:network', 'unregistered']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('notices a server that stops answering keep-alive pings: probes it after 30 s, gives up 5 s later', async () => {
    const { server, states, reports } = await registered();
    const transport = server.transports[0]!;
    transport.pong(); // the server has shown it answers pings
    await vi.advanceTimersByTimeAsync(19_000);
    transport.pong();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(states()).toEqual(['registering', 'registered']);
    expect(transport.socketWrites).toEqual([]);

    await vi.advanceTimersByTimeAsync(2_000); // 30 s of silence: our own CRLF probe, not a verdict yet
    expect(transport.socketWrites).toEqual(['\r\n\r\n']);
    expect(states()).toEqual(['registering', 'registered']);

    await vi.advanceTimersByTimeAsync(4_000); // no answer within 5 s of the probe
    expect(reports.at(-1)).toMatchObject({ state: 'failed', cause: 'network', detail: { code: 'network.silent', silentForSec: 35 } });
    expect(transport.isConnected()).toBe(false);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(states()).toEqual(['registering', 'registered', 'failed:network']);
  });

  it('keeps a live server that answers the probe, however long the silence before it', async () => {
    const { server, states } = await registered();
    const transport = server.transports[0]!;
    transport.pong();
    transport.answersProbes = true;
    await vi.advanceTimersByTimeAsync(10 * 60_000); // only our probes get pongs; sip.js's pings are ignored here
    expect(transport.socketWrites.length).toBeGreaterThan(10);
    expect(states().filter((s) => s.startsWith('failed'))).toEqual([]);
    expect(transport.isConnected()).toBe(true);
  });

  it('does not take a server that never answers pings for dead', async () => {
    const { states } = await registered();
    await vi.advanceTimersByTimeAsync(10 * 60_000); // refreshes are answered; no pongs ever
    expect(states().filter((s) => s.startsWith('failed'))).toEqual([]);
  });

  it('reports a connection dropped during a REGISTER once, not again when the request would time out', async () => {
    const { server, telephony, states } = setup();
    server.answer = () => 'silent';
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    server.transports[0]!.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states()).toEqual(['registering', 'failed:network']);
  });

  it('never throws out of execute, even for settings sip.js refuses', async () => {
    const { telephony, reports } = setup();
    expect(() => telephony.execute({ type: 'register', account: { ...ACCOUNT, aor: 'not a sip address' }, incoming: 'ring' })).not.toThrow();
    await flush();
    expect(reports.at(-1)).toMatchObject({ state: 'failed', cause: 'auth', detail: { code: 'account.unusable', problem: expect.stringContaining('not a sip address') } });
  });
});

describe('reconnect and account changes', () => {
  it('reconnects the same phone after a drop: same Contact, so the server binding is replaced', async () => {
    const { server, telephony, states } = await registered();
    const contactBefore = server.registers.at(-1)?.header('Contact')?.replace(/;expires=\d+/, '');
    server.transports[0]!.drop();

    telephony.execute({ type: 'reconnect', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(states()).toEqual(['registering', 'registered', 'failed:network', 'registering', 'registered']);
    expect(server.transports).toHaveLength(1);
    expect(server.transports[0]?.connects).toBe(2);
    expect(server.registers.at(-1)?.header('Contact')?.replace(/;expires=\d+/, '')).toBe(contactBefore);
  });

  it('reconnect on a live connection registers again on the same WebSocket', async () => {
    const { server, telephony, states } = await registered();
    const registersBefore = server.registers.length;
    telephony.execute({ type: 'reconnect', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(states()).toEqual(['registering', 'registered', 'registering', 'registered']);
    expect(server.transports).toHaveLength(1);
    expect(server.transports[0]?.connects).toBe(1);
    expect(server.registers.length).toBeGreaterThan(registersBefore);
    expect(server.registers.at(-1)?.contactExpires).toBe(600);
  });

  it('a reconnect while a call is live keeps the call and re-registers on the same connection', async () => {
    const phone = await registeredPhone();
    const states: string[] = [];
    phone.telephony.onReport((report) => states.push(report.state));
    const { id } = await establishedOutbound(phone);
    const registersBefore = phone.server.registers.length;

    phone.telephony.execute({ type: 'reconnect', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(states).toEqual(['registering', 'registered']);
    expect(phone.server.registers.length).toBeGreaterThan(registersBefore);
    expect(phone.server.transports).toHaveLength(1);
    expect(phone.server.transports[0]?.connects).toBe(1);
    expect(phone.call(id)?.state).toBe('active');
  });

  it('a reconnect when the socket is dead reopens it', async () => {
    const { server, telephony, states } = await registered();
    const transport = server.transports[0]!;
    transport.drop();
    await flush();
    expect(transport.isConnected()).toBe(false);
    telephony.execute({ type: 'reconnect', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(states()).toEqual(['registering', 'registered', 'failed:network', 'registering', 'registered']);
    expect(transport.connects).toBe(2);
    expect(transport.isConnected()).toBe(true);
  });

  it('a reconnect whose re-REGISTER goes unanswered on the open socket drops and reopens it', async () => {
    const { server, telephony, states } = await registered();
    const transport = server.transports[0]!;
    let silent = true;
    server.answer = (request) => (silent ? 'silent' : server.digestRegistrar(request));
    telephony.execute({ type: 'reconnect', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(transport.connects).toBe(1);
    silent = false;
    await vi.advanceTimersByTimeAsync(32_000); // Timer F: 408, a network-class failure
    await flush();
    expect(states()).toEqual(['registering', 'registered', 'registering', 'registered']);
    expect(transport.connects).toBe(2);
  });

  it('a reconnect whose re-REGISTER is refused by the server reports it and keeps the socket', async () => {
    const { server, telephony, reports, states } = await registered();
    server.answer = () => ({ code: 503, reason: 'Service Unavailable' });
    telephony.execute({ type: 'reconnect', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(states()).toEqual(['registering', 'registered', 'registering', 'failed:server']);
    expect(reports.at(-1)).toMatchObject({ statusCode: 503 });
    expect(server.transports[0]?.connects).toBe(1);
    expect(server.transports[0]?.isConnected()).toBe(true);
  });

  it('a reconnect while an earlier REGISTER is still unanswered gives that one up and sends a new one', async () => {
    const { server, telephony, states } = await registered();
    server.answer = () => 'silent';
    const before = server.registers.length;
    await vi.advanceTimersByTimeAsync(480_000); // the refresh at 80 % of 600 s goes out and hangs
    const hanging = server.registers.length;
    expect(hanging).toBe(before + 1);
    server.answer = (request) => server.digestRegistrar(request);
    telephony.execute({ type: 'reconnect', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(server.registers.length).toBeGreaterThan(hanging);
    expect(states()).toEqual(['registering', 'registered', 'registering', 'registered']);
    expect(server.transports[0]?.connects).toBe(1);
    await vi.advanceTimersByTimeAsync(40_000); // the abandoned REGISTER's Timer F changes nothing
    expect(states()).toEqual(['registering', 'registered', 'registering', 'registered']);
  });

  it('a display-name-only change keeps the calls and the socket; new calls carry the new name', async () => {
    const phone = await registeredPhone();
    const states: string[] = [];
    phone.telephony.onReport((report) => states.push(report.state));
    const { id } = await establishedOutbound(phone);

    phone.telephony.execute({ type: 'reconnect', account: { ...ACCOUNT, displayName: 'Alice Support' }, incoming: 'ring' });
    await flush();
    expect(states).toEqual(['registering', 'registered']);
    expect(phone.call(id)?.state).toBe('active');
    expect(phone.server.requests('BYE')).toHaveLength(0);
    expect(phone.server.transports).toHaveLength(1);
    expect(phone.server.registers.some((r) => r.contactExpires === 0)).toBe(false);

    await establishedOutbound(phone, 'sip:1003@127.0.0.1');
    expect(phone.server.requests('INVITE').at(-1)?.header('From')).toContain('"Alice Support"');
  });

  it('a changed account un-registers the old identity and starts a new user agent', async () => {
    const { server, telephony, states } = await registered();
    const newHa1 = md5('1001:127.0.0.1:newpass');
    server.answer = (request) => {
      if (request.contactExpires === 0) return server.ok(request);
      return digestIsValid(request, newHa1) ? server.ok(request) : server.digestRegistrar({ ...request, header: () => undefined });
    };
    telephony.execute({ type: 'register', account: { ...ACCOUNT, authorizationHa1: newHa1 }, incoming: 'ring' });
    await flush();

    expect(states()).toEqual(['registering', 'registered', 'registering', 'registered']);
    expect(server.transports).toHaveLength(2);
    expect(server.transports[0]?.disposed).toBe(true);
    expect(server.registers.some((r) => r.contactExpires === 0)).toBe(true);
  });

  it('a register for the same account while connected reuses the user agent', async () => {
    const { server, telephony, states } = await registered();
    telephony.execute({ type: 'register', account: { ...ACCOUNT }, incoming: 'busy' });
    await flush();
    expect(states()).toEqual(['registering', 'registered', 'registering', 'registered']);
    expect(server.transports).toHaveLength(1);
    expect(server.transports[0]?.connects).toBe(1);
  });
});

describe('unregister and dispose', () => {
  it('un-registers with expires=0, waits for the answer, then reports unregistered and leaves nothing running', async () => {
    const { server, telephony, reports } = await registered();
    telephony.execute({ type: 'unregister' });
    await flush();

    const last = server.registers.at(-1)!;
    expect(last.contactExpires).toBe(0);
    expect(reports.at(-1)).toEqual({ state: 'unregistered' });
    expect(server.connectedTransports).toHaveLength(0);
    expect(server.transports[0]?.disposed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives up waiting for an un-REGISTER answer after about two seconds', async () => {
    const { server, telephony, reports } = await registered();
    server.answer = () => 'silent';
    telephony.execute({ type: 'unregister' });
    await flush();
    expect(reports.at(-1)).toEqual({ state: 'registered', expiresInSec: 600 });

    await vi.advanceTimersByTimeAsync(2_100);
    await flush();
    expect(reports.at(-1)).toEqual({ state: 'unregistered' });
    expect(server.connectedTransports).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('unregister while never registered still answers with unregistered', async () => {
    const { telephony, reports } = setup();
    telephony.execute({ type: 'unregister' });
    await flush();
    expect(reports).toEqual([{ state: 'unregistered' }]);
  });

  it('an unregister during a slow connect aborts it', async () => {
    const { server, telephony, states } = setup();
    server.up = true;
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    telephony.execute({ type: 'unregister' });
    await flush();
    expect(states().at(-1)).toBe('unregistered');
    expect(server.connectedTransports).toHaveLength(0);
    expect(server.registers.filter((r) => r.contactExpires !== 0)).toHaveLength(0);
  });

  it('dispose un-registers, stops everything and ignores later commands', async () => {
    const { server, telephony, reports } = await registered();
    await telephony.dispose();
    expect(server.registers.at(-1)?.contactExpires).toBe(0);
    expect(server.connectedTransports).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);

    const count = reports.length;
    telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
    await flush();
    expect(reports).toHaveLength(count);
    expect(server.transports).toHaveLength(1);
  });
});

describe('incoming calls', () => {
  it('Do Not Disturb rejects an incoming INVITE with 486 Busy Here, without ringing first', async () => {
    const { server, telephony } = await registered();
    telephony.execute({ type: 'set-incoming', incoming: 'busy' });
    server.transports[0]!.receive(incomingInvite('dnd-1'));
    await flush();

    const finals = server.other.filter((m) => m.includes('Call-ID: dnd-1'));
    expect(finals.some((m) => m.startsWith('SIP/2.0 486 Busy Here'))).toBe(true);
    expect(finals.some((m) => m.startsWith('SIP/2.0 180'))).toBe(false);
  });

  it('when available rings: 180 Ringing, and the call is offered as incoming', async () => {
    const { server, telephony } = await registered();
    const calls: string[] = [];
    telephony.onCallsChanged((list) => calls.push(...list.map((c) => `${c.peer.user}:${c.state}`)));
    server.transports[0]!.receive(incomingInvite('ring-1'));
    await flush();
    expect(server.other.some((m) => m.startsWith('SIP/2.0 180') && m.includes('Call-ID: ring-1'))).toBe(true);
    expect(calls).toEqual(['1002:incoming']);
  });

  it('builds its user agent with our settings: explicit ICE servers, the HA1, quiet logging', async () => {
    const factory = createFakeSessionDescriptionHandlerFactory();
    const { server, telephony } = await registered({ sessionDescriptionHandlerFactory: factory });
    const id = telephony.dial('sip:1002@127.0.0.1');
    await flush();
    expect(server.requests('INVITE')).toHaveLength(1);
    const [session, options] = factory.calls[0]!;
    expect(options?.peerConnectionConfiguration?.iceServers).toEqual([]);
    expect(options?.iceGatheringTimeout).toBeLessThanOrEqual(500);
    const config = session.userAgent.configuration;
    expect(config.authorizationHa1).toBe(HA1);
    expect(config.authorizationPassword).toBe('');
    expect(config.logLevel).toBe('warn');
    telephony.hangup(id);
  });
});

describe('probe', () => {
  it('registers for real, un-registers, and cleans up after itself', async () => {
    const { server, telephony } = setup();
    const result = telephony.probe(ACCOUNT);
    await flush();
    await expect(result).resolves.toEqual({ ok: true });

    expect(server.registers.map((r) => r.contactExpires)).toEqual([600, 600, 0]);
    expect(server.transports).toHaveLength(1);
    expect(server.connectedTransports).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not disturb the live registration', async () => {
    const { server, telephony, reports } = await registered();
    const liveContact = server.registers.at(-1)?.header('Contact')?.replace(/;expires=\d+/, '');
    const result = telephony.probe(ACCOUNT);
    await flush();
    await expect(result).resolves.toEqual({ ok: true });

    expect(reports).toHaveLength(2);
    expect(server.transports[0]?.isConnected()).toBe(true);
    const unregistered = server.registers.filter((r) => r.contactExpires === 0);
    expect(unregistered).toHaveLength(1);
    expect(unregistered[0]?.header('Contact')?.replace(/;expires=\d+/, '')).not.toBe(liveContact);
  });

  it('reports wrong credentials as an auth failure', async () => {
    const { server, telephony } = setup();
    server.answer = (request) => (request.header('Authorization') ? { code: 403, reason: 'Forbidden' } : server.digestRegistrar(request));
    const result = telephony.probe(ACCOUNT);
    await flush();
    await expect(result).resolves.toMatchObject({ ok: false, cause: 'auth', statusCode: 403 });
    expect(server.connectedTransports).toHaveLength(0);
  });

  it('dispose cancels a running probe and waits for its cleanup', async () => {
    const { server, telephony } = setup();
    server.answer = () => 'silent';
    const result = telephony.probe(ACCOUNT);
    await flush();
    const disposed = telephony.dispose();
    await vi.advanceTimersByTimeAsync(2_100);
    await disposed;
    await expect(result).resolves.toMatchObject({ ok: false });
    expect(server.connectedTransports).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports an unreachable server as a network failure', async () => {
    const { server, telephony } = setup();
    server.up = false;
    const result = telephony.probe(ACCOUNT);
    await flush();
    await expect(result).resolves.toMatchObject({ ok: false, cause: 'network', detail: { code: 'network.unreachable' } });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('honours its timeout when the server stays silent, and leaves nothing behind', async () => {
    const { server, telephony } = setup();
    server.answer = () => 'silent';
    let result: unknown;
    void telephony.probe(ACCOUNT, { timeoutMs: 3000 }).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(2_900);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(result).toMatchObject({ ok: false, cause: 'timeout' });
    // cleanup: waits up to 2 s for a late answer to the REGISTER, then stops
    await vi.advanceTimersByTimeAsync(2_100);
    await flush();
    expect(server.connectedTransports).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('logging', () => {
  it('never logs the HA1 or an Authorization header, and never prints to the console itself', async () => {
    const consoleSpies = (['log', 'debug', 'info', 'warn', 'error'] as const).map((name) => vi.spyOn(console, name).mockImplementation(() => undefined));
    const { server, telephony, logs } = await registered();
    server.grantSeconds = 60;
    await vi.advanceTimersByTimeAsync(481_000); // a refresh with credentials
    server.answer = () => ({ code: 404, reason: 'Not Found' });
    await vi.advanceTimersByTimeAsync(60_000); // a failing refresh: sip.js warns
    server.transports[0]!.drop();
    telephony.execute({ type: 'unregister' });
    await flush();

    expect(logs.length).toBeGreaterThan(0); // sip.js did log warnings: they reached the sink
    for (const line of logs) {
      expect(line).not.toContain(HA1);
      expect(line.toLowerCase()).not.toContain('authorization');
      expect(line).not.toContain('response=');
    }
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  });
});
