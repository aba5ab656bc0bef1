import type { LightMyRequestResponse } from 'fastify';
import { agentSchema, type Agent } from '../../../common/schemas/workspace/agent';
import { seedWorkspace, type SeededWorkspace } from '../support/seed';
import { linkIn, startSmtpInbox, tokenOf, type ReceivedMail, type SmtpInbox } from '../../support/smtp-inbox';
import { newAgentBody, teamClient, type TeamClient } from '../support/team-client';
import { startTestServer, type TestServer } from '../support/test-server';
import type { Dialect } from '../../../server/db/open-database';

export const PUBLIC_URL = 'https://team.acme.test';

/** A workspace whose service sends real mail (SMTP_URL) to a real SMTP server in the test. */
export interface MailedTeam {
  server: TestServer;
  inbox: SmtpInbox;
  ws: SeededWorkspace;
  owner: TeamClient;
  close(): Promise<void>;
}

export async function startMailedTeam(dialect: Dialect, env: Record<string, string> = {}): Promise<MailedTeam> {
  const inbox = await startSmtpInbox();
  const server = await startTestServer(dialect, { SMTP_URL: inbox.url, RINGDESK_PUBLIC_URL: PUBLIC_URL, MAIL_FROM: 'Acme Support <ringdesk@acme.test>', ...env });
  const ws = await seedWorkspace(server);
  return {
    server,
    inbox,
    ws,
    owner: freshTokenClient(server, ws.owner.id),
    async close() {
      await server.close();
      await inbox.stop();
    },
  };
}

/**
 * Requests as one agent with an access token issued just before each: the
 * tests move the clock by days (expiry), far past an access token's life.
 */
function freshTokenClient(server: TestServer, agentId: string): TeamClient {
  const request: TeamClient['request'] = async (method, url, body) => teamClient(server, (await server.context.tokens.issue(agentId)).token).request(method, url, body);
  return { request, get: (u) => request('GET', u), post: (u, b) => request('POST', u, b), patch: (u, b) => request('PATCH', u, b), delete: (u) => request('DELETE', u) };
}

export interface Invited {
  agent: Agent;
  mail: ReceivedMail;
  link: string;
  token: string;
}

/** The Owner adds an agent; its invitation arrives at the SMTP server. */
export async function inviteAgent(team: MailedTeam, n: number, extra: Record<string, unknown> = {}): Promise<Invited> {
  const res = await team.owner.post('/api/v1/agents', newAgentBody(n, [team.ws.groupId], extra));
  if (res.statusCode !== 201) throw new Error(`adding an agent answered ${res.statusCode}: ${res.body}`);
  const agent = agentSchema.parse(res.json());
  const mail = team.inbox.last(agent.email);
  const link = linkIn(mail);
  return { agent, mail, link, token: tokenOf(link) };
}

/** What a browser does with the link: GET the page. */
export const openLink = (server: TestServer, token: string): Promise<LightMyRequestResponse> => server.app.inject({ method: 'GET', url: `/invite/${token}` });

/** The page's form, posted as a browser posts it. */
export function submitForm(server: TestServer, token: string, password: string, repeat = password, address = '198.51.100.20'): Promise<LightMyRequestResponse> {
  return server.app.inject({
    method: 'POST',
    url: `/invite/${token}`,
    remoteAddress: address,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ password, repeat }).toString(),
  });
}

/** The app's way: JSON with the token and the password. */
export function acceptJson(server: TestServer, body: unknown): Promise<LightMyRequestResponse> {
  return server.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', remoteAddress: '198.51.100.21', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
}

let address = 0;
export function signIn(server: TestServer, email: string, password: string): Promise<LightMyRequestResponse> {
  address += 1;
  return server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress: `10.9.${Math.floor(address / 250)}.${address % 250}`, payload: { email, password } });
}

/** The page's heading: what the invitee reads first. */
export function headingOf(res: LightMyRequestResponse): string {
  return /<h1>([\s\S]*?)<\/h1>/.exec(res.body)?.[1] ?? `(no heading) ${res.statusCode} ${res.body.slice(0, 200)}`;
}
