import { describe, expect, it } from 'vitest';
import { extensionOf, initialsOf } from '../../../../../renderer/features/phone/identity';

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

describe("the agent's extension", () => {
  it('is the user part of the address', () => {
    expect(extensionOf('sip:1001@pbx.example.com')).toBe('1001');
    expect(extensionOf('sips:alice@pbx.example.com;transport=ws')).toBe('alice');
  });
});
