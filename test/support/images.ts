import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function solidPng(width: number, height: number, color = '#3b6ea5'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
}

export function solidJpeg(width: number, height: number, color = '#a53b6e'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).jpeg().toBuffer();
}

export async function truncatedJpeg(): Promise<Buffer> {
  const noisy = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg()
    .toBuffer();
  return noisy.subarray(0, Math.floor(noisy.length / 2));
}

/**
 * A 20000×20000 greyscale PNG decompression bomb: every row is zeros, so it deflates to ~400 kB.
 * Built by hand (signature, IHDR, IDAT, IEND with real CRCs) because encoding it with sharp would
 * itself take 400 MB and many seconds.
 */
export function hugePng(side = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const raw = Buffer.alloc((side + 1) * side); // filter byte 0 + zeros per row
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** One PNG chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG carrying a tEXt chunk (e.g. Stable Diffusion WebUI's `parameters`), inserted after IHDR. */
export function withTextChunk(png: Buffer, keyword: string, text: string): Buffer {
  const ihdrEnd = 8 + 8 + 13 + 4;
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  return Buffer.concat([png.subarray(0, ihdrEnd), pngChunk('tEXt', data), png.subarray(ihdrEnd)]);
}

export const SD_PARAMETERS =
  'a ceramic bowl on a table, product photo\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1234, Size: 512x512, Model: v1-5-pruned-emaonly';
