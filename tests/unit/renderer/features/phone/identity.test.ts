import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../../../../renderer/features/phone/identity';
import { selectAccountHeader } from '../../../../../renderer/store/selectors';
import type { RingdeskState } from '../../../../../renderer/store/types';
import { anAccount, aSnapshot } from '../../../../fakes/app-snapshots';

describe("the agent's avatar initials", () => {
  it.each([
    ['Alice Agent', 'AA'],
    ['alice', 'A'],
    ['Ana María de la Cruz', 'AC'],
    ['  Zoë   Ünal ', 'ZÜ'],
    ['(Support) Bob', 'B'],
    ['Łukasz', 'Ł'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name, '1001')).toBe(initials);
  });

  it('falls back to the extension when the name has no letters', () => {
    expect(initialsOf('1001', '1001')).toBe('1');
    expect(initialsOf('', 'bob')).toBe('B');
    expect(initialsOf('', '')).toBe('?');
  });
});

describe("the agent's name and extension in the header", () => {
  const header = (snapshot: RingdeskState['snapshot']) => selectAccountHeader({ snapshot } as RingdeskState);

  it('is the user part of the address on a plain SIP account', () => {
    expect(header(aSnapshot({ account: anAccount({ aor: 'sip:1001@pbx.example.com', displayName: 'Alice' }) }))).toMatchObject({ displayName: 'Alice', extension: '1001' });
    expect(header(aSnapshot({ account: anAccount({ aor: 'sips:alice@pbx.example.com;transport=ws' }) }))?.extension).toBe('alice');
  });

  it("comes from the workspace when signed in to a team, not from the opaque SIP user", () => {
    const snapshot = aSnapshot({
      account: anAccount({ aor: 'sip:a1b2c3d4e5f6@team.example.com', displayName: 'a1b2c3d4e5f6' }),
      workspace: { url: 'https://team.example.com', name: 'Acme', connection: 'online', agent: { id: 'x', fullName: 'Cara Singh', email: 'cara@example.com', extension: '102', role: 'basic' } },
    });
    expect(header(snapshot)).toMatchObject({ displayName: 'Cara Singh', extension: '102' });
  });
});
