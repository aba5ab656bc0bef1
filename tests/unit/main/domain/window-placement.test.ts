import { describe, expect, it } from 'vitest';
import { placeWindow } from '../../../../main/domain/window-placement';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };
const min = { width: 360, height: 520 };

describe('reopening the phone window', () => {
  it('reopens where the agent left it', () => {
    expect(placeWindow({ x: 2000, y: 100, width: 420, height: 720 }, [laptop, monitor], min)).toEqual({ x: 2000, y: 100, width: 420, height: 720 });
  });

  it('falls back to the default place when the monitor it was on is gone', () => {
    expect(placeWindow({ x: 2000, y: 100, width: 420, height: 720 }, [laptop], min)).toBeNull();
  });

  it('does not reopen with the title bar above the top of the screen', () => {
    expect(placeWindow({ x: 100, y: -500, width: 420, height: 720 }, [laptop], min)).toBeNull();
  });

  it('never reopens smaller than the minimum size', () => {
    expect(placeWindow({ x: 10, y: 10, width: 100, height: 100 }, [laptop], min)).toEqual({ x: 10, y: 10, width: 360, height: 520 });
  });

  it('opens in the default place on first run', () => {
    expect(placeWindow(null, [laptop], min)).toBeNull();
  });
});
