/**
 * Draws the toolbar icons (on and off, 16 to 128 px) as PNG files in public/icons/.
 * The mark: two speech-bubble bars facing each other, one claim and its counter.
 * Run `npm run icons`; the PNGs are committed so a build needs no drawing step.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const THEMES: Record<'on' | 'off', { back: Rgba; mark: Rgba; accent: Rgba }> = {
  on: { back: [59, 91, 146, 255], mark: [255, 255, 255, 255], accent: [255, 210, 120, 255] },
  off: { back: [200, 204, 210, 255], mark: [120, 126, 134, 255], accent: [150, 156, 164, 255] },
};

function inRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Colour at a point of the unit square. */
function shade(x: number, y: number, theme: (typeof THEMES)['on']): Rgba | null {
  if (!inRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return null;
  if (inRoundedRect(x, y, 0.16, 0.22, 0.7, 0.44, 0.08)) return theme.mark;
  if (inRoundedRect(x, y, 0.3, 0.56, 0.84, 0.78, 0.08)) return theme.accent;
  return theme.back;
}

function render(size: number, theme: (typeof THEMES)['on']): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, theme);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c]! += colour[c]! * colour[3];
          sum[3]! += colour[3];
        }
      }
      const alpha = sum[3]! / (samples * samples);
      for (let c = 0; c < 3; c++) row[1 + px * 4 + c] = sum[3] ? Math.round(sum[c]! / sum[3]!) : 0;
      row[1 + px * 4 + 3] = Math.round(alpha);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function png(size: number, raw: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const state of ['on', 'off'] as const) {
  for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`${state}-${size}.png`, out), render(size, THEMES[state]));
}
console.log('icons written to public/icons/');
