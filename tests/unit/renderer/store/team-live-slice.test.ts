import { describe, expect, it } from 'vitest';
import { contract, events } from '../../../../preload/contract';
import { createRingdeskStore } from '../../../../renderer/store/ringdesk-store';
import { createFakeRingdeskApi } from '../../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../../fakes/fake-telephony';
import { createFakeAudioHardware } from '../fake-audio-hardware';
import { withRelay } from '../with-relay';
import { anAgent, EVERYONE, summaryOf } from '../features/team/team-fixtures';

const cara = anAgent({ fullName: 'Cara Diaz' });
const none = { agents: [], removedAgentIds: [], groups: false, statuses: [], resync: false };

function store() {
  const desktop = createFakeRingdeskApi();
  desktop.answerOk(contract.team.listAgents, { agents: [summaryOf(cara)], total: 1 });
  desktop.answerOk(contract.team.listGroups, { groups: [EVERYONE] });
  desktop.answerOk(contract.team.status, { seq: 3, agents: [{ agentId: cara.id, registered: true, presence: 'available', onCall: false }] });
  const s = createRingdeskStore({ desktop: desktop.api, ...withRelay(desktop.api, createFakeTelephony()), audio: createFakeAudioHardware() });
  s.getState().followTeam();
  return { s, desktop };
}

describe("the team store following the workspace's pushes", () => {
  it('keeps every status it hears, and refetches the list only while the Team list is on screen', async () => {
    const { s, desktop } = store();
    desktop.push(events.teamChanged, { ...none, agents: [{ agentId: cara.id, version: 2 }], statuses: [{ agentId: cara.id, registered: false, presence: 'away', onCall: false }] });
    expect(s.getState().teamLive.statuses[cara.id]).toMatchObject({ presence: 'away', registered: false });
    expect(desktop.callsTo(contract.team.listAgents)).toHaveLength(0);

    const unwatch = s.getState().watchTeamList();
    await s.getState().refreshTeam();
    const afterWatch = desktop.callsTo(contract.team.listAgents).length;
    desktop.push(events.teamChanged, { ...none, groups: true });
    expect(desktop.callsTo(contract.team.listAgents)).toHaveLength(afterWatch + 1);
    unwatch();
    desktop.push(events.teamChanged, { ...none, groups: true });
    expect(desktop.callsTo(contract.team.listAgents)).toHaveLength(afterWatch + 1);
  });

  it('forgets a removed teammate and fetches every status again after a resync', async () => {
    const { s, desktop } = store();
    await s.getState().refreshTeamStatus();
    desktop.push(events.teamChanged, { ...none, removedAgentIds: [cara.id] });
    expect(s.getState().teamLive.statuses[cara.id]).toBeUndefined();
    desktop.push(events.teamChanged, { ...none, resync: true, groups: true });
    await expect.poll(() => s.getState().teamLive.statuses[cara.id]?.presence).toBe('available');
    expect(desktop.callsTo(contract.team.status)).toHaveLength(2);
  });
});
