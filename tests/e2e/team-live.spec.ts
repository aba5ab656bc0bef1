import { DEMO_PASSWORD, DEMO_TEAM } from '../support/workspace/demo-team.mjs';
import { choosePresence } from './support/account-steps';
import { callPanel } from './support/call-steps';
import { everyLook } from './support/screens';
import { expect, signInToTeam, teamTest as test } from './support/team-steps';

/**
 * The Team area live, on the lab's team side: a teammate's presence and an
 * other admin's edit reach the Owner's open Team list without reloading;
 * with a fourth agent the Owner turns on the Extended Agents Dashboard and
 * calls a teammate from it with one click.
 */
const [ben, cara] = DEMO_TEAM.agents;

/** The workspace's API as another admin would use it (Ben, outside the apps under test). */
async function asBen(url: string) {
  const signIn = await fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ben!.email, password: DEMO_PASSWORD }) });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? null : await res.json()) as T;
  };
}

test("the Owner's Team list and dashboard follow teammates live, and a click calls one", async ({ team, launch }) => {
  test.setTimeout(150_000);
  const api = await asBen(team.url);
  type Summary = { id: string; email: string; fullName: string; version: number; groupIds: string[] };
  const { agents } = await api<{ agents: Summary[] }>('GET', '/api/v1/agents?limit=100');
  const caraRecord = agents.find((a) => a.email === cara!.email)!;
  let added: string | null = null;
  try {
    const ana = await launch();
    const caraApp = await launch();
    await signInToTeam(ana, team.url, DEMO_TEAM.owner.email);
    await signInToTeam(caraApp, team.url, cara!.email);

    await ana.page.getByRole('tab', { name: 'Team' }).click();
    const caraRow = ana.page.getByRole('list', { name: 'Agents' }).getByRole('button', { name: new RegExp(`^${cara!.fullName}`) });
    await expect(caraRow).toContainText('Available');

    // Cara sets Away: Ana's list says so without reloading.
    await choosePresence(caraApp.page, 'Away');
    await expect(caraRow).toContainText('Away');

    // Ben renames Cara through the API: Ana's list shows the new name.
    const renamed = await api<Summary>('PATCH', `/api/v1/agents/${caraRecord.id}`, { version: caraRecord.version, fullName: 'Cara Singh-Live' });
    await expect(ana.page.getByRole('list', { name: 'Agents' }).getByRole('button', { name: /^Cara Singh-Live/ })).toContainText('Away');
    await api('PATCH', `/api/v1/agents/${caraRecord.id}`, { version: renamed.version, fullName: cara!.fullName });

    // A fourth agent (pending counts: the team is four) lets the Owner turn the dashboard on.
    added = (await api<Summary>('POST', '/api/v1/agents', { email: 'dev@demo.test', fullName: 'Dev Patel', extension: '103', role: 'basic', groupIds: caraRecord.groupIds })).id;
    await ana.page.getByRole('tab', { name: 'Settings' }).click();
    const toggle = ana.page.getByRole('switch', { name: 'Extended Agents Dashboard' });
    await toggle.click(); // checked once the workspace agreed (not at the click)
    await expect(toggle).toBeChecked();

    await ana.page.getByRole('tab', { name: 'Phone' }).click();
    const teammates = ana.page.getByRole('list', { name: 'Teammates' });
    await expect(teammates.getByRole('listitem').filter({ hasText: cara!.fullName })).toContainText('Away');
    await everyLook(ana.page, 'agents-dashboard');
    await ana.page.setViewportSize({ width: 1280, height: 800 });

    await ana.page.getByRole('button', { name: `Call ${cara!.fullName}, extension ${cara!.extension}` }).click();
    await expect(callPanel(caraApp.page, DEMO_TEAM.owner.fullName).getByRole('button', { name: 'Answer' })).toBeVisible();
    await callPanel(ana.page, cara!.extension).getByRole('button', { name: 'Hang up' }).click();
    await expect(callPanel(caraApp.page, DEMO_TEAM.owner.fullName)).toHaveCount(0);
    await toggle.page().getByRole('tab', { name: 'Settings' }).click();
    await toggle.click();
    await expect(toggle).not.toBeChecked();
  } finally {
    // The demo team is shared by the worker's other team specs: leave it as it was.
    if (added) await api('DELETE', `/api/v1/agents/${added}`).catch(() => undefined);
  }
});
