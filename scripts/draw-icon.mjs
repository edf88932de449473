// Draws images/icon.png, the extension's icon: a magnifying lens over a bar
// chart, the bars under the glass shown larger and brighter. Plain Node (zlib
// for the PNG), so it runs anywhere the build does.
//
//   node scripts/draw-icon.mjs [out.png] [--size 256]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { size: { type: 'string', default: '256' } },
});
const size = Number(options.size);
const outFile = resolve(positionals[0] ?? join(repoRoot, 'images', 'icon.png'));

/** Samples per pixel side: 8 × 8 samples give smooth edges. */
const samples = 8;

const palette = {
  backgroundTop: [0x2a, 0x4a, 0x7b],
  backgroundBottom: [0x17, 0x2a, 0x4a],
  bar: [0x6f, 0x94, 0xc4],
  barMagnified: [0xff, 0xc2, 0x4b],
  glass: [0x22, 0x3d, 0x66],
  rim: [0xff, 0xff, 0xff],
};

// The drawing, in a unit square (x right, y down).
const tile = { x0: 0.02, y0: 0.02, x1: 0.98, y1: 0.98, radius: 0.2 };
const baseline = 0.8;
const bars = [
  { x0: 0.17, x1: 0.29, top: 0.6 },
  { x0: 0.34, x1: 0.46, top: 0.47 },
  { x0: 0.51, x1: 0.63, top: 0.34 },
  { x0: 0.68, x1: 0.8, top: 0.22 },
];
const barRadius = 0.025;
const lens = { cx: 0.5, cy: 0.45, r: 0.21, rim: 0.05, zoom: 1.2 };
const handle = { angle: Math.PI / 4, from: lens.r + lens.rim / 2 - 0.01, to: lens.r + 0.21, width: 0.085 };

function insideRoundedRect(x, y, { x0, y0, x1, y1, radius }) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideBars(x, y) {
  return bars.some((bar) =>
    insideRoundedRect(x, y, { x0: bar.x0, y0: bar.top, x1: bar.x1, y1: baseline + barRadius, radius: barRadius }) &&
    y <= baseline,
  );
}

function insideCapsule(x, y, ax, ay, bx, by, halfWidth) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth ** 2;
}

const handleStart = [lens.cx + Math.cos(handle.angle) * handle.from, lens.cy + Math.sin(handle.angle) * handle.from];
const handleEnd = [lens.cx + Math.cos(handle.angle) * handle.to, lens.cy + Math.sin(handle.angle) * handle.to];

/** The colour at one point, or undefined where the icon is transparent. */
function colourAt(x, y) {
  if (!insideRoundedRect(x, y, tile)) return undefined;
  const d = Math.hypot(x - lens.cx, y - lens.cy);
  if (insideCapsule(x, y, ...handleStart, ...handleEnd, handle.width / 2)) return palette.rim;
  if (d <= lens.r + lens.rim / 2 && d >= lens.r - lens.rim / 2) return palette.rim;
  if (d < lens.r) {
    // Under the glass: the chart seen larger, centred on the lens.
    const sx = lens.cx + (x - lens.cx) / lens.zoom;
    const sy = lens.cy + (y - lens.cy) / lens.zoom;
    return insideBars(sx, sy) ? palette.barMagnified : palette.glass;
  }
  if (insideBars(x, y)) return palette.bar;
  const t = (y - tile.y0) / (tile.y1 - tile.y0);
  return palette.backgroundTop.map((top, i) => top + (palette.backgroundBottom[i] - top) * t);
}

/** RGBA rows, each sample weighted equally; colours are averaged over the covered samples only. */
function render() {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      pixels[at] = Math.round(r / covered);
      pixels[at + 1] = Math.round(g / covered);
      pixels[at + 2] = Math.round(b / covered);
      pixels[at + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG, every row with filter type 0. */
function encodePng(pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter set, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(dirname(outFile), { recursive: true });
const png = encodePng(render());
writeFileSync(outFile, png);
console.log(`${outFile}: ${size}×${size}, ${png.length} bytes`);
