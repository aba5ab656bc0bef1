import { afterAll, beforeAll, describe, it } from 'vitest';
import { agentSchema } from '../common/schemas/workspace/agent';
import type { Dialect } from '../server/db/open-database';
import type { KamailioHandle } from '../tests/support/kamailio/kamailio.mjs';
import { openPhone } from '../tests/support/kamailio/sip-phone.mjs';
import { startPostgres, type PostgresHandle } from '../tests/support/postgres.mjs';
import { acceptJson, PUBLIC_URL } from '../tests/server/invitations/invitation-support';
import { startWorkspaceKamailio } from '../tests/server/support/kamailio';
import { seedTeam, seedWorkspace, type SeededWorkspace } from '../tests/server/support/seed';
import { linkIn, startSmtpInbox, tokenOf, type SmtpInbox } from '../tests/support/smtp-inbox';
import { newAgentBody, teamClient } from '../tests/server/support/team-client';
import { startTestServer, type TestServer } from '../tests/server/support/test-server';
import { median, percentile } from './stats';

/**
 * Add agent → invitation accepted → REGISTER accepted, end to end with the
 * real parts: the admin's POST /api/v1/agents (the invitation goes out over
 * SMTP to a real SMTP server on loopback — the POST answers once the mail
 * server took it), the link's token read from the mail, the app's accept
 * (POST /api/v1/invitations/accept: argon2id, subscriber row, aliases), then
 * a UDP SIP phone's REGISTER (digest: 401, then 200) through a real Kamailio
 * running the shipped config on the same database. A workspace of 2,000
 * agents in 100 groups; on SQLite and PostgreSQL. No human time is counted:
 * each step starts as soon as the one before answered.
 * `npm run bench:invite`. Prints median / p99; asserts nothing about time.
 */

const AGENTS = 2000;
const GROUPS = 100;
const RUNS = 30;
const DOMAIN = 'bench.test';
const PASSWORD = 'a bench password';

let postgres: PostgresHandle;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

describe.each<Dialect>(['sqlite', 'postgres'])('add agent → REGISTER on %s', (dialect) => {
  let server: TestServer;
  let inbox: SmtpInbox;
  let kamailio: KamailioHandle;
  let ws: SeededWorkspace;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer(dialect, { SMTP_URL: inbox.url, RINGDESK_PUBLIC_URL: PUBLIC_URL, RINGDESK_SIP_DOMAIN: DOMAIN }, { postgresUrl: postgres.url });
    ws = await seedWorkspace(server);
    await seedTeam(server, { agents: AGENTS, groups: GROUPS });
    kamailio = await startWorkspaceKamailio(server.db, DOMAIN);
  }, 120_000);
  afterAll(async () => {
    await kamailio?.stop();
    await server?.close();
    await inbox?.stop();
  });

  it(`${RUNS} agents added, invited, accepted and registered`, async () => {
    const owner = teamClient(server, ws.owner.token);
    const post: number[] = [];
    const accept: number[] = [];
    const acceptToRegistered: number[] = [];
    const postToRegistered: number[] = [];
    for (let run = -1; run < RUNS; run += 1) {
      const n = run + 2;
      const start = performance.now();
      const res = await owner.post('/api/v1/agents', newAgentBody(n, [ws.groupId], { extension: String(70000 + n) }));
      if (res.statusCode !== 201) throw new Error(`adding an agent answered ${res.statusCode}: ${res.body}`);
      const posted = performance.now();
      const agent = agentSchema.parse(res.json());
      const token = tokenOf(linkIn(inbox.last(agent.email)));
      const phone = await openPhone({ kamailio, user: agent.sipUser, password: PASSWORD });
      try {
        const acceptStart = performance.now();
        const accepted = await acceptJson(server, { token, password: PASSWORD });
        if (accepted.statusCode !== 200) throw new Error(`accepting answered ${accepted.statusCode}: ${accepted.body}`);
        const acceptedAt = performance.now();
        const registered = await phone.register();
        const registeredAt = performance.now();
        if (registered.status !== 200) throw new Error(`the first REGISTER after accepting got ${registered.status ?? 'no answer'}`);
        // Between POST answered and accept started: reading the mail and opening the phone (not the service's time).
        const between = acceptStart - posted;
        if (run < 0) continue; // warm-up
        post.push(posted - start);
        accept.push(acceptedAt - acceptStart);
        acceptToRegistered.push(registeredAt - acceptStart);
        postToRegistered.push(registeredAt - start - between);
        await phone.register({ expires: 0 });
      } finally {
        phone.close();
      }
    }
    const f = (xs: number[]) => `${median(xs).toFixed(1)} / ${percentile(xs, 99).toFixed(1)} ms`;
    console.log(
      `\n${dialect} — ${AGENTS} agents, ${GROUPS} groups, ${RUNS} new agents (median / p99)` +
        `\n  admin's POST, invitation over SMTP: ${f(post)}` +
        `\n  accept (argon2id, SIP rows):        ${f(accept)}` +
        `\n  accept → first REGISTER 200 OK:     ${f(acceptToRegistered)}` +
        `\n  POST → registrable (REGISTER 200):  ${f(postToRegistered)}`,
    );
  }, 300_000);
});
