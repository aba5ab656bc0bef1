import { defaultAgentSettings, type Agent, type AgentRole, type AgentSummary } from '../../../../../common/schemas/workspace/agent';
import type { Group } from '../../../../../common/schemas/workspace/group';
import type { AppSnapshot } from '../../../../../common/schemas/snapshot';
import { aSnapshot } from '../../../../fakes/app-snapshots';

export const EVERYONE: Group = { id: '00000000-0000-4000-8000-0000000000e1', name: 'Everyone', number: null, memberIds: [], version: 1, updatedAt: 0 };
export const SALES: Group = { id: '00000000-0000-4000-8000-0000000000e2', name: 'Sales', number: '600', memberIds: [], version: 3, updatedAt: 0 };
export const ME_ID = '00000000-0000-4000-8000-00000000a001';

let n = 0;
export function anAgent(overrides: Partial<Agent> = {}): Agent {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    email: `agent${n}@example.com`,
    fullName: `Agent ${n}`,
    extension: String(200 + n),
    sipUser: `u${n}`,
    personalPhone: null,
    role: 'basic',
    status: 'active',
    groupIds: [EVERYONE.id],
    picture: null,
    settings: defaultAgentSettings('Europe/London'),
    version: 1,
    updatedAt: 0,
    ...overrides,
  };
}

export function summaryOf(agent: Agent): AgentSummary {
  const { picture: _p, settings: _s, ...rest } = agent;
  return { ...rest, hasPicture: false };
}

/** Signed in to a workspace with the given role. */
export function teamSnapshot(role: AgentRole): AppSnapshot {
  return aSnapshot({
    workspace: { url: 'https://team.example.com', name: 'Acme', agent: { id: ME_ID, fullName: 'Ana Lopez', email: 'ana@example.com', extension: '100', role }, connection: 'online' },
  });
}
