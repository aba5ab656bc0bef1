// A demo team made through the workspace's own routes, exactly as an admin
// and invited agents would make it: the Owner creates the workspace, adds
// teammates and a group; each invitation arrives at the mail catcher and the
// invitee sets a password from its link. Nothing is written behind the
// service's back, so the lab shows the real flow.

export const DEMO_PASSWORD = 'ringdesk-demo-1';
export const DEMO_TEAM = {
  name: 'Demo Support',
  owner: { email: 'ana@demo.test', fullName: 'Ana Lopez', extension: '100' },
  agents: [
    { email: 'ben@demo.test', fullName: 'Ben Carter', extension: '101', role: 'admin' },
    { email: 'cara@demo.test', fullName: 'Cara Singh', extension: '102', role: 'basic' },
  ],
  group: { name: 'Support', number: '200' },
};

/**
 * @param {string} url the workspace's address
 * @param {{ mails: { to: string[], links: string[] }[] }} mailbox the mail catcher the service sends to
 * @returns {Promise<boolean>} false when a workspace already existed (nothing done)
 */
export async function createDemoTeam(url, mailbox) {
  const info = await call(url, 'GET', '/api/v1/workspace');
  if (info.exists) return false;
  const session = await call(url, 'POST', '/api/v1/workspace', {
    name: DEMO_TEAM.name,
    owner: { ...DEMO_TEAM.owner, password: DEMO_PASSWORD },
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  });
  const everyone = session.agent.groupIds;
  const ids = [session.agent.id];
  for (const agent of DEMO_TEAM.agents) {
    const created = await call(url, 'POST', '/api/v1/agents', { ...agent, groupIds: everyone }, session.accessToken);
    ids.push(created.id);
    await acceptInvitation(url, mailbox, agent.email);
  }
  await call(url, 'POST', '/api/v1/groups', { ...DEMO_TEAM.group, memberIds: ids }, session.accessToken);
  return true;
}

/**
 * Waits for the invitation mail to `email` and sets the demo password from its link.
 * @param {string} url
 * @param {{ mails: { to: string[], links: string[] }[] }} mailbox
 * @param {string} email
 */
export async function acceptInvitation(url, mailbox, email) {
  const deadline = Date.now() + 10_000;
  let link;
  while (!link && Date.now() < deadline) {
    link = mailbox.mails.filter((m) => m.to.includes(email)).flatMap((m) => m.links).findLast((l) => l.includes('/invite/'));
    if (!link) await new Promise((r) => setTimeout(r, 100));
  }
  if (!link) throw new Error(`no invitation mail reached ${email} within 10 s`);
  const token = decodeURIComponent(new URL(link).pathname.split('/').pop() ?? '');
  await call(url, 'POST', '/api/v1/invitations/accept', { token, password: DEMO_PASSWORD });
}

/**
 * @param {string} base
 * @param {string} method
 * @param {string} route
 * @param {unknown} [body]
 * @param {string} [token]
 */
async function call(base, method, route, body, token) {
  const headers = /** @type {Record<string, string>} */ ({});
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}
