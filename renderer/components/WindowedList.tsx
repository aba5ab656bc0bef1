import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import './windowed-list.css';

/**
 * A list that renders only the rows in (and just around) its scroll
 * viewport, for rows of known, fixed heights. The space of the rows not
 * rendered is held by two spacers sized with SVG height attributes: the
 * window's CSP allows no inline styles, and an attribute is not one.
 *
 * When rows come and go above what the agent is looking at (a page let go
 * or fetched again), the first visible row stays where it was on screen,
 * unless the list is scrolled to its very top and `followTop` is set: then
 * new rows on top are shown.
 */

/** Rows drawn above and below the viewport, so scrolling and Tab never reach an undrawn row. */
const OVERSCAN_PX = 600;
/** The viewport assumed before it can be measured (and where layout is not computed, in tests). */
const UNMEASURED_VIEWPORT_PX = 800;
/** How close to either end (in rows) asks for more. */
const NEAR_END_ROWS = 15;

export interface WindowedListProps<Row> {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Each row's height in px; must match the row's CSS height. */
  rowHeight: (row: Row) => number;
  /** One `<li>` per row. */
  renderRow: (row: Row) => ReactElement;
  label: string;
  busy?: boolean;
  /** At the very top, show rows added there rather than keep the first visible row in place. */
  followTop: boolean;
  onNearStart?: () => void;
  onNearEnd?: () => void;
  className?: string;
}

export function WindowedList<Row>({ rows, rowKey, rowHeight, renderRow, label, busy, followTop, onNearStart, onNearEnd, className }: WindowedListProps<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(UNMEASURED_VIEWPORT_PX);

  const offsets = useMemo(() => rowOffsets(rows, rowHeight), [rows, rowHeight]);
  const total = offsets[rows.length] ?? 0;

  // The first visible row and how far the viewport's top is into it, for keeping it in place.
  const anchor = useRef<{ key: string; into: number } | null>(null);
  const anchorAt = useCallback(
    (top: number) => {
      const index = Math.min(rows.length - 1, indexAt(offsets, top));
      anchor.current = index >= 0 ? { key: rowKey(rows[index]!), into: top - offsets[index]! } : null;
    },
    [rows, offsets, rowKey],
  );

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const held = anchor.current;
    if (held && !(followTop && el.scrollTop === 0)) {
      const index = rows.findIndex((row) => rowKey(row) === held.key);
      const target = index >= 0 ? offsets[index]! + held.into : el.scrollTop;
      if (Math.abs(target - el.scrollTop) >= 1) {
        el.scrollTop = target;
        setScrollTop(el.scrollTop);
      }
    }
    anchorAt(el.scrollTop);
  }, [rows, offsets, rowKey, followTop, anchorAt]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setViewport(el.clientHeight || UNMEASURED_VIEWPORT_PX);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, indexAt(offsets, scrollTop - OVERSCAN_PX));
  const end = Math.min(rows.length, indexAt(offsets, scrollTop + viewport + OVERSCAN_PX) + 1);
  const firstVisible = indexAt(offsets, scrollTop);
  const lastVisible = indexAt(offsets, scrollTop + viewport);

  useEffect(() => {
    if (rows.length === 0) return;
    if (lastVisible >= rows.length - NEAR_END_ROWS) onNearEnd?.();
    if (firstVisible < NEAR_END_ROWS) onNearStart?.();
  }, [rows.length, firstVisible, lastVisible, onNearEnd, onNearStart]);

  return (
    <div
      ref={scroller}
      className={`windowed-list${className ? ` ${className}` : ''}`}
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        setScrollTop(top);
        anchorAt(top);
      }}
    >
      <Spacer height={offsets[first] ?? 0} />
      <ul aria-label={label} aria-busy={busy || undefined}>
        {rows.slice(first, end).map(renderRow)}
      </ul>
      <Spacer height={total - (offsets[end] ?? total)} />
    </div>
  );
}

function Spacer({ height }: { height: number }) {
  return <svg className="windowed-spacer" aria-hidden="true" focusable="false" width="1" height={Math.max(0, height)} />;
}

/** offsets[i] = top of row i; offsets[rows.length] = the total height. */
export function rowOffsets<Row>(rows: readonly Row[], rowHeight: (row: Row) => number): number[] {
  const offsets = new Array<number>(rows.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i]! + rowHeight(rows[i]!);
  return offsets;
}

/** The row at `y` px from the top (binary search; -1 for no rows, the last row past the end). */
export function indexAt(offsets: readonly number[], y: number): number {
  const rows = offsets.length - 1;
  if (rows <= 0) return -1;
  let lo = 0;
  let hi = rows - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
