import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemResponseSchema } from '../../../common/schemas/workspace/problems';
import { OWNER_PASSWORD, createTeam, post, rowCounts, workspaceForm } from '../support/accounts';
import { DIALECTS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';

const INJECTIONS = ["' OR '1'='1", "x'); DROP TABLE agent; --", '1; DELETE FROM subscriber', "\\'; UPDATE agent SET role='owner'; --"];

/** Bodies no route of this slice may accept: each gets a 4xx problem code and writes nothing. */
function refusedBodies(): Array<[string, string, unknown]> {
  const form = workspaceForm();
  const owner = form.owner;
  const cases: Array<[string, string, unknown]> = [];
  for (const text of INJECTIONS) {
    cases.push(['/api/v1/workspace', `injection as the owner's email: ${text}`, { ...form, owner: { ...owner, email: text } }]);
    cases.push(['/api/v1/workspace', `injection as the extension: ${text}`, { ...form, owner: { ...owner, extension: text } }]);
    cases.push(['/api/v1/workspace', `injection as the time zone: ${text}`, { ...form, timeZone: text }]);
    cases.push(['/api/v1/auth/sign-in', `injection as the email: ${text}`, { email: text, password: OWNER_PASSWORD }]);
  }
  const wrongTypes: Array<[string, unknown]> = [
    ['a number as the name', { ...form, name: 42 }],
    ['the owner as a string', { ...form, owner: 'olivia@example.com' }],
    ['a list as the password', { ...form, owner: { ...owner, password: ['a', 'b'] } }],
    ['an object as the email', { ...form, owner: { ...owner, email: { $ne: '' } } }],
    ['a number as the extension', { ...form, owner: { ...owner, extension: 100 } }],
    ['no owner', { name: 'Acme' }],
    ['a list for the whole body', [form]],
    ['null for the body', null],
  ];
  for (const [label, body] of wrongTypes) cases.push(['/api/v1/workspace', label, body]);
  const tooLong: Array<[string, unknown]> = [
    ['an 81-character name', { ...form, name: 'n'.repeat(81) }],
    ['a 255-character email', { ...form, owner: { ...owner, email: `${'e'.repeat(243)}@example.com` } }],
    ['an 81-character full name', { ...form, owner: { ...owner, fullName: 'f'.repeat(81) } }],
    ['a 257-character password', { ...form, owner: { ...owner, password: 'p'.repeat(257) } }],
    ['a 65-character time zone', { ...form, timeZone: 'z'.repeat(65) }],
  ];
  for (const [label, body] of tooLong) cases.push(['/api/v1/workspace', label, body]);
  const signIn: Array<[string, unknown]> = [
    ['a number as the password', { email: 'olivia@example.com', password: 12345678901 }],
    ['an object as the password', { email: 'olivia@example.com', password: { $gt: '' } }],
    ['no password', { email: 'olivia@example.com' }],
    ['an empty password', { email: 'olivia@example.com', password: '' }],
    ['a 257-character password', { email: 'olivia@example.com', password: 'p'.repeat(257) }],
    ['a 255-character email', { email: `${'e'.repeat(243)}@example.com`, password: OWNER_PASSWORD }],
    ['a string for the body', 'olivia@example.com'],
  ];
  for (const [label, body] of signIn) cases.push(['/api/v1/auth/sign-in', label, body]);
  for (const url of ['/api/v1/auth/refresh', '/api/v1/auth/sign-out']) {
    cases.push([url, 'a 201-character refresh token', { refreshToken: 'r'.repeat(201) }]);
    cases.push([url, 'an empty refresh token', { refreshToken: '' }]);
    cases.push([url, 'a number as the refresh token', { refreshToken: 7 }]);
    cases.push([url, 'an object as the refresh token', { refreshToken: { $ne: null } }]);
    cases.push([url, 'no refresh token', {}]);
  }
  return cases;
}

describe.each(DIALECTS)('bad input to workspace creation and sign-in (%s)', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it.each(refusedBodies())('%s refuses %s with a code and writes nothing', async (url, _label, body) => {
    const before = await rowCounts(server);
    const res = await post(server, url, body);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(problemResponseSchema.parse(res.json()).problem).toMatch(/invalid-request|sign-in-failed/);
    expect(res.body).not.toMatch(/at .*\.ts:\d+|Error|SQL|syntax/i);
    expect(await rowCounts(server)).toEqual(before);
  });

  it('refuses bodies that are not JSON, too big, or try to pollute prototypes, writing nothing', async () => {
    const before = await rowCounts(server);
    const raw = (url: string, payload: string, contentType = 'application/json') => server.app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });
    expect((await raw('/api/v1/workspace', '{"name":')).json()).toEqual({ problem: 'invalid-request' });
    expect((await raw('/api/v1/auth/sign-in', 'email=a@b.co&password=x', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
    const huge = await raw('/api/v1/workspace', JSON.stringify({ ...workspaceForm(), name: 'n'.repeat(600_000) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({ problem: 'payload-too-large' });
    const polluted = await raw('/api/v1/workspace', `{"name":"Acme","owner":{"__proto__":{"role":"basic"},"email":"a@example.com","fullName":"A","extension":"100","password":"${OWNER_PASSWORD}"}}`);
    expect(polluted.statusCode).toBe(400);
    expect(await rowCounts(server)).toEqual(before);
  });

  it('keeps a name that looks like SQL as plain text, with every table intact', async () => {
    const name = "Acme'); DROP TABLE agent; --";
    const session = await createTeam(server, workspaceForm({ name }));
    expect(session.agent.role).toBe('owner');
    const row = await server.db.database.db.selectFrom('workspace').select('name').executeTakeFirstOrThrow();
    expect(row.name).toBe(name);
    expect(await rowCounts(server)).toMatchObject({ workspace: 1, agent: 1, subscriber: 1 });
    // An email with a quote is a valid address: looked up as text, refused as any unknown email.
    const res = await post(server, '/api/v1/auth/sign-in', { email: "olivia'--@example.com", password: OWNER_PASSWORD });
    expect(res.json()).toEqual({ problem: 'sign-in-failed' });
  });

  it('refuses an Authorization header that is not a token on /me', async () => {
    for (const authorization of ["Bearer ' OR 1=1 --", 'Basic b2xpdmlhOnB3', `Bearer ${'x'.repeat(5000)}`, 'Bearer']) {
      const res = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ problem: 'unauthorized' });
    }
  });
});
