// Draw Quietread's icons (extension/icons/icon-<size>.png): a calm green rounded square with
// a light open quotation mark. Node built-ins only; the same Node writes the same bytes.
// Usage: node scripts/icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const OUT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../extension/icons');
const TOP = [63, 136, 114]; // square colour at the top, fading to BOTTOM
const BOTTOM = [40, 101, 85];
const MARK = [248, 245, 236];
const SAMPLES = 5; // per pixel side, for smooth edges

/** Transparent margin around the square: the Chrome Web Store wants 16 of 128 px. */
const margin = (size) => (size === 128 ? 16 : size / 16);

/** Whether (x, y) in 0..1 lies in the rounded square of corner radius r. */
function inSquare(x, y, r) {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** One '6'-shaped half of the quotation mark: a ball and a tapering tail curving up and right. */
function glyph(cx, cy, r) {
  const discs = [{ x: cx, y: cy, r }];
  const p0 = [cx - 0.42 * r, cy - 0.05 * r];
  const p1 = [cx - 1.05 * r, cy - 1.9 * r];
  const p2 = [cx + 0.75 * r, cy - 2.45 * r];
  for (let i = 0; i <= 48; i++) {
    const t = i / 48;
    const a = (1 - t) * (1 - t);
    const b = 2 * t * (1 - t);
    const c = t * t;
    discs.push({
      x: a * p0[0] + b * p1[0] + c * p2[0],
      y: a * p0[1] + b * p1[1] + c * p2[1],
      r: r * (0.58 - 0.4 * t),
    });
  }
  return discs;
}

const QUOTE = [...glyph(0.36, 0.62, 0.12), ...glyph(0.66, 0.62, 0.12)];

function inQuote(x, y) {
  return QUOTE.some((d) => (x - d.x) ** 2 + (y - d.y) ** 2 <= d.r * d.r);
}

/** RGBA pixels of one icon. */
function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const m = margin(size);
  const side = size - 2 * m;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let square = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (col + (sx + 0.5) / SAMPLES - m) / side;
          const y = (row + (sy + 0.5) / SAMPLES - m) / side;
          if (!inSquare(x, y, 0.22)) continue;
          square++;
          if (inQuote(x, y)) mark++;
        }
      }
      const i = (row * size + col) * 4;
      const fade = Math.min(Math.max((row - m) / side, 0), 1);
      const cover = square ? mark / square : 0;
      for (let k = 0; k < 3; k++) {
        const bg = TOP[k] + (BOTTOM[k] - TOP[k]) * fade;
        px[i + k] = Math.round(bg + (MARK[k] - bg) * cover);
      }
      px[i + 3] = Math.round((255 * square) / (SAMPLES * SAMPLES));
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file: 8-bit RGBA, no filtering, deflated. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT, `icon-${size}.png`);
  fs.writeFileSync(file, png(size, draw(size)));
  console.log(`${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
}
