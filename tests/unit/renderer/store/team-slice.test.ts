import { describe, expect, it } from 'vitest';
import { contract } from '../../../../preload/contract';
import { createRingdeskStore } from '../../../../renderer/store/ringdesk-store';
import { TEAM_PAGE_SIZE } from '../../../../renderer/store/team-slice';
import { createFakeRingdeskApi } from '../../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../../fakes/fake-telephony';
import { createFakeAudioHardware } from '../fake-audio-hardware';
import { withRelay } from '../with-relay';
import { anAgent, EVERYONE, summaryOf } from '../features/team/team-fixtures';

function storeWithTeam(total: number) {
  const desktop = createFakeRingdeskApi();
  const agents = Array.from({ length: total }, (_, i) => summaryOf(anAgent({ fullName: `Teammate ${String(i).padStart(4, '0')}` })));
  desktop.answer(contract.team.listAgents, (q) => ({ ok: true, value: { agents: agents.slice(q.offset, q.offset + q.limit), total } }));
  desktop.answerOk(contract.team.listGroups, { groups: [EVERYONE] });
  const store = createRingdeskStore({ desktop: desktop.api, ...withRelay(desktop.api, createFakeTelephony()), audio: createFakeAudioHardware() });
  return { store, desktop, agents };
}

describe('the team store', () => {
  it('holds the list page by page, so 2,000 agents are fetched only as the admin scrolls', async () => {
    const { store, desktop } = storeWithTeam(2000);
    await store.getState().refreshTeam();
    expect(store.getState().team).toMatchObject({ status: 'ready', total: 2000 });
    expect(store.getState().team.agents).toHaveLength(TEAM_PAGE_SIZE);
    await store.getState().loadMoreAgents();
    expect(store.getState().team.agents).toHaveLength(2 * TEAM_PAGE_SIZE);
    expect(desktop.callsTo(contract.team.listAgents).map((q) => q.offset)).toEqual([0, TEAM_PAGE_SIZE]);
  });

  it('refreshes what it holds after an edit, with the same filters', async () => {
    const { store, desktop } = storeWithTeam(300);
    await store.getState().filterTeam({ role: 'basic' });
    await store.getState().loadMoreAgents();
    desktop.answerOk(contract.team.createAgent, anAgent());
    const saved = await store.getState().createTeamAgent({ email: 'n@example.com', fullName: 'N', extension: '150', role: 'basic', groupIds: [EVERYONE.id] });
    expect(saved.ok).toBe(true);
    expect(desktop.callsTo(contract.team.listAgents).at(-1)).toEqual({ role: 'basic', offset: 0, limit: 2 * TEAM_PAGE_SIZE });
  });

  it('keeps the last copy for reading when the workspace is unreachable, and says so', async () => {
    const { store, desktop } = storeWithTeam(3);
    await store.getState().refreshTeam();
    desktop.answerError(contract.team.listAgents, { code: 'workspace', failure: 'workspace-unreachable' });
    await store.getState().refreshTeam();
    expect(store.getState().team).toMatchObject({ status: 'ready', offline: true, error: "You're offline — changes can't be saved now." });
    expect(store.getState().team.agents).toHaveLength(3);
  });

  it('turns a refusal into field codes or words, never a thrown error', async () => {
    const { store, desktop } = storeWithTeam(1);
    desktop.answerError(contract.team.createAgent, { code: 'invalid-input', fields: { email: 'email-taken' } });
    const refused = await store.getState().createTeamAgent({ email: 'n@example.com', fullName: 'N', extension: '150', role: 'basic', groupIds: [EVERYONE.id] });
    expect(refused).toEqual({ ok: false, refusal: { fields: { email: 'email-taken' }, message: null, conflict: null, offline: false } });
  });
});
