// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { indexAt, rowOffsets, WindowedList } from '../../../../renderer/components/WindowedList';

const ROW = 50;
const rowsFrom = (from: number, count: number) => Array.from({ length: count }, (_, i) => `row ${from + i}`);

function List({ rows, followTop = true, onNearEnd, onNearStart }: { rows: string[]; followTop?: boolean; onNearEnd?: () => void; onNearStart?: () => void }) {
  return (
    <WindowedList
      label="Rows"
      rows={rows}
      rowKey={(row) => row}
      rowHeight={() => ROW}
      renderRow={(row) => <li key={row}>{row}</li>}
      followTop={followTop}
      onNearEnd={onNearEnd}
      onNearStart={onNearStart}
    />
  );
}

const shown = () => within(screen.getByRole('list', { name: 'Rows' })).getAllByRole('listitem').map((li) => li.textContent);
const scroller = () => screen.getByRole('list', { name: 'Rows' }).parentElement!;
const scrollTo = (top: number) => {
  scroller().scrollTop = top;
  fireEvent.scroll(scroller());
};

describe('a list that renders only what is on screen', () => {
  it('renders the rows in view and a little around them, not all of them', () => {
    render(<List rows={rowsFrom(0, 1_000)} />);
    expect(shown()[0]).toBe('row 0');
    expect(shown().length).toBeLessThan(50);
    scrollTo(500 * ROW);
    expect(shown()).toContain('row 500');
    expect(shown()).not.toContain('row 0');
    expect(shown().length).toBeLessThan(60);
  });

  it('keeps the row the agent is looking at in place when rows above it come and go', () => {
    const { rerender } = render(<List rows={rowsFrom(100, 300)} followTop={false} />);
    scrollTo(20 * ROW + 10); // row 120, 10px in
    rerender(<List rows={rowsFrom(0, 400)} followTop={false} />);
    expect(scroller().scrollTop).toBe(120 * ROW + 10);
    rerender(<List rows={rowsFrom(50, 300)} followTop={false} />);
    expect(scroller().scrollTop).toBe(70 * ROW + 10);
    expect(shown()).toContain('row 120');
  });

  it('shows rows added on top when scrolled to the very top', () => {
    const { rerender } = render(<List rows={rowsFrom(1, 10)} />);
    rerender(<List rows={rowsFrom(0, 11)} />);
    expect(scroller().scrollTop).toBe(0);
    expect(shown()[0]).toBe('row 0');
  });

  it('asks for more near either end', () => {
    const onNearEnd = vi.fn();
    const onNearStart = vi.fn();
    render(<List rows={rowsFrom(0, 300)} onNearEnd={onNearEnd} onNearStart={onNearStart} />);
    expect(onNearStart).toHaveBeenCalled();
    expect(onNearEnd).not.toHaveBeenCalled();
    scrollTo(290 * ROW);
    expect(onNearEnd).toHaveBeenCalled();
  });

  it('finds the row at a height by binary search', () => {
    const offsets = rowOffsets([10, 20, 30], (h) => h);
    expect(offsets).toEqual([0, 10, 30, 60]);
    expect([indexAt(offsets, -5), indexAt(offsets, 0), indexAt(offsets, 9), indexAt(offsets, 10), indexAt(offsets, 59), indexAt(offsets, 500)]).toEqual([0, 0, 0, 1, 2, 2]);
    expect(indexAt(rowOffsets([], () => 1), 0)).toBe(-1);
  });
});
