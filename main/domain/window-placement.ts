/** A window's position and size, in screen coordinates. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where to reopen the phone window. Saved bounds are kept only if enough of
 * the window (a title bar's worth) still lands on a connected display: a
 * laptop undocked from its second monitor must not open the phone
 * off-screen, where the agent cannot see an incoming call.
 */
export function placeWindow(saved: Bounds | null, displays: Bounds[], minimum: { width: number; height: number }): Bounds | null {
  if (!saved) return null;
  const size = { width: Math.max(saved.width, minimum.width), height: Math.max(saved.height, minimum.height) };
  const visible = displays.some((d) => overlap(d.x, d.width, saved.x, size.width) >= 100 && overlap(d.y, d.height, saved.y, 40) >= 40);
  return visible ? { x: saved.x, y: saved.y, ...size } : null;
}

function overlap(a: number, aLength: number, b: number, bLength: number): number {
  return Math.max(0, Math.min(a + aLength, b + bLength) - Math.max(a, b));
}
