// Draws the icon (a rounded square with a big opening quote mark) as PNGs at every size the
// manifests and stores use. Run once after changing the design: npx tsx scripts/make-icons.ts
// The Chrome Web Store asks for 96 px of artwork in 16 px of transparent padding on the 128 px
// icon; every size keeps that ratio, so the icons look alike side by side.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BG = [91, 60, 196];
const FG = [255, 255, 255];

/** Every size the manifest names (16–128) : toolbar, menus, the add-ons page, the stores. */
export const ICON_SIZES = [16, 32, 48, 64, 96, 128] as const;
/** Transparent margin on each side, as a share of the size: 16 px of 128. */
export const ICON_PADDING = 16 / 128;

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage (0..1) of the shape at a point in unit coordinates, 0 outside. */
function shape(x: number, y: number): { bg: number; fg: number } {
  const r = 0.22;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  const bg = Math.hypot(dx, dy) <= r ? 1 : 0;
  // Two quote marks: a disc plus a tail curving up-left.
  let fg = 0;
  for (const cx of [0.36, 0.66]) {
    const cy = 0.56;
    const disc = Math.hypot(x - cx, y - cy) <= 0.12;
    const tail =
      Math.hypot(x - (cx + 0.1), y - (cy - 0.02)) <= 0.24 &&
      Math.hypot(x - (cx + 0.14), y - (cy - 0.06)) >= 0.2 &&
      x < cx + 0.02 &&
      y < cy;
    if (disc || tail) fg = 1;
  }
  return { bg, fg };
}

function png(size: number): Buffer {
  const rows: Buffer[] = [];
  const ss = 4;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let a = 0;
      let f = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const u = ((px + (sx + 0.5) / ss) / size - ICON_PADDING) / (1 - 2 * ICON_PADDING);
          const v = ((py + (sy + 0.5) / ss) / size - ICON_PADDING) / (1 - 2 * ICON_PADDING);
          const s = u < 0 || u > 1 || v < 0 || v > 1 ? { bg: 0, fg: 0 } : shape(u, v);
          a += s.bg;
          f += s.fg * s.bg;
        }
      a /= ss * ss;
      f /= ss * ss;
      const mix = a > 0 ? f / a : 0;
      const o = 1 + px * 4;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round(BG[c]! * (1 - mix) + FG[c]! * mix);
      row[o + 3] = Math.round(a * 255);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of ICON_SIZES) writeFileSync(`public/icons/icon-${size}.png`, png(size));
