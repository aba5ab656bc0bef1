import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemResponseSchema } from '../../../common/schemas/workspace/problems';
import { DIALECTS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(DIALECTS)('the workspace service on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('tells a new app there is no workspace yet, and where agents will register', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/workspace' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ exists: false, name: null, sipDomain: server.config.sipDomain, wsServer: server.config.wsServer });
  });

  it('answers an unknown address with a not-found code, not an HTML page', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(problemResponseSchema.parse(res.json()).problem).toBe('not-found');
  });

  it('refuses a body that is not JSON with a code, never a stack trace', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/nothing-here', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect([400, 404]).toContain(res.statusCode);
    expect(res.body).not.toMatch(/at .*\.ts:\d+|Error:/);
  });
});
