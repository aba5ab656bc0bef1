import { describe, expect, it } from 'vitest';
import { SUGGESTIONS_OPEN, suggestionKey } from '../../../../../renderer/features/dialer/suggestion-keys';

const at = (active: number | null, open = true) => ({ open, active });

describe('the suggestion list’s keys', () => {
  it('moves down and up through the options, wrapping at either end', () => {
    expect(suggestionKey('ArrowDown', SUGGESTIONS_OPEN, 3)).toEqual({ handled: true, next: at(0), choose: null });
    expect(suggestionKey('ArrowDown', at(2), 3)).toMatchObject({ next: at(0) });
    expect(suggestionKey('ArrowUp', SUGGESTIONS_OPEN, 3)).toMatchObject({ next: at(2) });
    expect(suggestionKey('ArrowUp', at(0), 3)).toMatchObject({ next: at(2) });
    expect(suggestionKey('ArrowUp', at(2), 3)).toMatchObject({ next: at(1) });
  });

  it('reopens a closed list with the arrows', () => {
    expect(suggestionKey('ArrowDown', at(null, false), 2)).toMatchObject({ next: at(0) });
  });

  it('chooses the highlighted option with Enter, and leaves Enter alone when none is (it calls)', () => {
    expect(suggestionKey('Enter', at(1), 3)).toEqual({ handled: true, next: at(null, false), choose: 1 });
    expect(suggestionKey('Enter', SUGGESTIONS_OPEN, 3)).toEqual({ handled: false });
  });

  it('closes with Escape, and leaves Escape alone when closed', () => {
    expect(suggestionKey('Escape', at(1), 3)).toEqual({ handled: true, next: at(null, false), choose: null });
    expect(suggestionKey('Escape', at(null, false), 3)).toEqual({ handled: false });
  });

  it('takes no keys without suggestions', () => {
    expect(suggestionKey('ArrowDown', SUGGESTIONS_OPEN, 0)).toEqual({ handled: false });
    expect(suggestionKey('a', at(0), 3)).toEqual({ handled: false });
  });
});
