// Generates Ringdesk's tray and app icons as PNGs: `node assets/generate-icons.mjs`.
//
// Plain Node (zlib only, no image library): each icon is a list of layers, each a
// shape (a signed-distance function) with a colour; pixels are supersampled so
// edges are anti-aliased, and the background stays transparent. The outputs are
// committed, so this only needs re-running when the artwork changes.
//
//   assets/tray/<state>.png      16x16  (available, away, dnd, offline, unreachable)
//   assets/tray/<state>@2x.png   32x32  (Electron picks @2x on HiDPI screens)
//   assets/icons/icon.png        512x512 app icon

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ASSETS = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------
// PNG encoding (RGBA, 8 bit, no interlace)
// ---------------------------------------------------------------------------

/**
 * @param {string} type
 * @param {Buffer} data
 */
function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * @param {number} width
 * @param {number} height
 * @param {Uint8Array} rgba width*height*4 bytes, straight (non-premultiplied) alpha
 */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // each scanline starts with filter type 0 (none)
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------
// Shapes: signed distance functions (negative inside), in the icon's own units
// ---------------------------------------------------------------------------

/** @typedef {(x: number, y: number) => number} Sdf */
/** @typedef {[number, number, number, number]} Rgba  0-255 each */
/** @typedef {{ shape: Sdf, color: Rgba | ((x: number, y: number) => Rgba) }} Layer */

/** @type {(cx: number, cy: number, r: number) => Sdf} */
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;

/** Axis-aligned box with rounded corners. @type {(x0: number, y0: number, x1: number, y1: number, r?: number) => Sdf} */
const roundRect = (x0, y0, x1, y1, r = 0) => (x, y) => {
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const dx = Math.abs(x - (x0 + x1) / 2) - hx;
  const dy = Math.abs(y - (y0 + y1) / 2) - hy;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};

/** Ring (annulus) limited to angles [a0, a1] (radians, y down), with round ends. */
const arc = (/** @type {number} */ cx, /** @type {number} */ cy, /** @type {number} */ radius, /** @type {number} */ half, /** @type {number} */ a0, /** @type {number} */ a1) =>
  /** @type {Sdf} */ ((x, y) => {
    const angle = Math.atan2(y - cy, x - cx);
    const inRange = (angle >= a0 && angle <= a1) || (angle + 2 * Math.PI >= a0 && angle + 2 * Math.PI <= a1);
    if (inRange) return Math.abs(Math.hypot(x - cx, y - cy) - radius) - half;
    const end = (/** @type {number} */ a) => Math.hypot(x - cx - radius * Math.cos(a), y - cy - radius * Math.sin(a)) - half;
    return Math.min(end(a0), end(a1));
  });

/** @type {(...shapes: Sdf[]) => Sdf} */
const union = (...shapes) => (x, y) => Math.min(...shapes.map((s) => s(x, y)));
/**
 * Union that blends the seams over about k units (polynomial smooth min), so a
 * pad meeting the handle has no notch where their rounded corners touch.
 * @type {(k: number, ...shapes: Sdf[]) => Sdf}
 */
const smoothUnion = (k, ...shapes) => (x, y) => shapes.map((s) => s(x, y)).reduce((a, b) => {
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - (h * h * k) / 4;
});
/** @type {(a: Sdf, b: Sdf) => Sdf} */
const subtract = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y));

// ---------------------------------------------------------------------------
// Rasterising
// ---------------------------------------------------------------------------

/**
 * Renders layers (last on top) on a transparent canvas. Geometry is in `units`
 * (e.g. a 16-unit grid for tray icons) and scaled to `size` pixels; each pixel
 * averages samples x samples points (premultiplied) for anti-aliased edges.
 * @param {{ size: number, units: number, layers: Layer[], samples?: number }} spec
 */
function render({ size, units, layers, samples = 8 }) {
  const rgba = new Uint8Array(size * size * 4);
  const scale = units / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          const [sr, sg, sb, sa] = compositeAt(layers, x, y);
          r += sr; g += sg; b += sb; a += sa;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

/**
 * Colour at one sample point: the layers that cover it, composited bottom to top
 * ("over"), premultiplied, alpha 0..1.
 * @param {Layer[]} layers
 * @param {number} x
 * @param {number} y
 * @returns {[number, number, number, number]}
 */
function compositeAt(layers, x, y) {
  let r = 0, g = 0, b = 0, a = 0;
  for (const layer of layers) {
    if (layer.shape(x, y) > 0) continue;
    const [cr, cg, cb, ca] = typeof layer.color === 'function' ? layer.color(x, y) : layer.color;
    const alpha = ca / 255;
    r = cr * alpha + r * (1 - alpha);
    g = cg * alpha + g * (1 - alpha);
    b = cb * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
  }
  return [r, g, b, a];
}

/** @param {string} hex e.g. '#22a559' @returns {Rgba} */
function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

// ---------------------------------------------------------------------------
// Tray icons (drawn on a 16-unit grid so 1 unit = 1 px at 16x16; bars and strokes
// sit on whole pixels to stay crisp at 1x)
// ---------------------------------------------------------------------------

const WHITE = rgb('#ffffff');
const GREEN = rgb('#22a559');
const AMBER = rgb('#f0a30a');
const RED = rgb('#d93025');
const GREY = rgb('#8a8f98');
const DARK_GREY = rgb('#5f6570');

const disc = circle(8, 8, 7);

/** @type {Record<string, Layer[]>} */
const TRAY = {
  available: [{ shape: disc, color: GREEN }],
  away: [{ shape: disc, color: AMBER }],
  // "no entry": red disc with a white bar
  dnd: [{ shape: disc, color: RED }, { shape: roundRect(4, 7, 12, 9, 0.5), color: WHITE }],
  // hollow ring: deliberately "nothing there"
  offline: [{ shape: subtract(disc, circle(8, 8, 4.6)), color: GREY }],
  // a solid dark-grey disc with a white "!": filled (unlike offline) and not red
  // (unlike dnd), so the three read differently even at 16 px
  unreachable: [
    { shape: disc, color: DARK_GREY },
    { shape: union(roundRect(7, 3, 9, 9.5, 0.6), roundRect(7, 11, 9, 13, 0.8)), color: WHITE },
  ],
};

// ---------------------------------------------------------------------------
// App icon: a white handset on a teal-to-blue rounded square (512-unit grid)
// ---------------------------------------------------------------------------

/** @param {number} t 0..1 @param {Rgba} a @param {Rgba} b @returns {Rgba} */
const mix = (t, a, b) => /** @type {Rgba} */ (a.map((v, i) => Math.round(v + ((b[i] ?? v) - v) * t)));

const TEAL = rgb('#14b8a6');
const BLUE = rgb('#2563eb');

/** @returns {Layer[]} */
function appIconLayers() {
  const tile = roundRect(16, 16, 496, 496, 112);
  // handset: a thick quarter arc bulging to the lower left, with a flat pad at each
  // end (ear piece top left, mouth piece bottom right); pads are axis-aligned because
  // the arc ends exactly at 180 and 90 degrees
  const cx = 323; // chosen so the glyph's bounding box is centred on the tile
  const cy = 189;
  const radius = 190;
  const half = 36;
  const handle = arc(cx, cy, radius, half, Math.PI / 2, Math.PI);
  const ear = roundRect(cx - radius - half, cy - 96, cx - radius + 66, cy + 10, 40);
  const mouth = roundRect(cx - 10, cy + radius - 66, cx + 96, cy + radius + half, 40);
  const glyph = smoothUnion(24, handle, ear, mouth);
  return [
    // diagonal gradient, lighter at the top left
    { shape: tile, color: (x, y) => mix(Math.min(1, Math.max(0, (x + y - 64) / 896)), TEAL, BLUE) },
    // translucent offset copy under the glyph: a soft shadow for a bit of depth
    { shape: (x, y) => glyph(x - 6, y - 10), color: [10, 40, 90, 70] },
    { shape: glyph, color: WHITE },
  ];
}

// ---------------------------------------------------------------------------

/**
 * @param {string} relPath
 * @param {Buffer} png
 */
function write(relPath, png) {
  const file = path.join(ASSETS, relPath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, png);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
}

for (const [name, layers] of Object.entries(TRAY)) {
  write(`tray/${name}.png`, render({ size: 16, units: 16, layers }));
  write(`tray/${name}@2x.png`, render({ size: 32, units: 16, layers }));
}
write('icons/icon.png', render({ size: 512, units: 512, layers: appIconLayers(), samples: 4 }));
