import { describe, expect, it } from 'vitest';
import { peerInitials } from '../../../../renderer/domain/peer-initials';

describe('a caller’s initials', () => {
  it('takes the first letters of the first and last names', () => {
    expect(peerInitials('Bob Caller')).toBe('BC');
    expect(peerInitials('  anna maria  lopez ')).toBe('AL');
    expect(peerInitials('carol')).toBe('C');
    expect(peerInitials('Émile Zola')).toBe('ÉZ');
  });

  it('has none for a number, punctuation or no name, so the avatar shows a person icon', () => {
    expect(peerInitials(null)).toBeNull();
    expect(peerInitials('')).toBeNull();
    expect(peerInitials('+1 555 0100')).toBeNull();
    expect(peerInitials('<>')).toBeNull();
  });

  it('skips words that do not start with a letter', () => {
    expect(peerInitials('Desk 2')).toBe('D');
    expect(peerInitials('(Sales) Ann')).toBe('A');
  });
});
