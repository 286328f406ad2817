import { gunzipSync } from 'node:zlib';
import type { RawPixels } from '../pixels';
import { decodeUtf8OrLatin1 } from '../containers/png-chunks';

/**
 * NovelAI's "stealth" metadata: the generation settings written into the least significant bit of the
 * alpha channel, column by column (x outer, y inner), after the magic `stealth_pnginfo` (plain) or
 * `stealth_pngcomp` (gzip). Survives metadata stripping that keeps the PNG's pixels.
 * Layout: 15-byte magic, 32-bit big-endian payload length in bits, payload.
 */
const MAGICS = { stealth_pnginfo: false, stealth_pngcomp: true } as const;
const MAX_PAYLOAD_BITS = 8 * 1024 * 1024;

export interface StealthPayload {
  magic: string;
  text: string;
}

export function readNovelAiStealth(pixels: RawPixels): StealthPayload | null {
  if (pixels.channels !== 4) return null;
  const { width, height, data } = pixels;
  const total = width * height;
  const bitAt = (index: number): number => {
    const x = Math.floor(index / height);
    const y = index % height;
    return data[(y * width + x) * 4 + 3] & 1;
  };
  const readBytes = (startBit: number, count: number): Buffer => {
    const out = Buffer.alloc(count);
    for (let i = 0; i < count; i++) {
      let byte = 0;
      for (let b = 0; b < 8; b++) byte = (byte << 1) | bitAt(startBit + i * 8 + b);
      out[i] = byte;
    }
    return out;
  };
  if (total < 15 * 8 + 32) return null;
  const magic = readBytes(0, 15).toString('latin1');
  if (!(magic in MAGICS)) return null;
  const lengthBits = readBytes(120, 4).readUInt32BE(0);
  if (lengthBits === 0 || lengthBits > MAX_PAYLOAD_BITS || 152 + lengthBits > total) return null;
  const payload = readBytes(152, Math.floor(lengthBits / 8));
  try {
    const body = MAGICS[magic as keyof typeof MAGICS]
      ? gunzipSync(payload, { maxOutputLength: 8 * 1024 * 1024 })
      : payload;
    return { magic, text: decodeUtf8OrLatin1(body) };
  } catch {
    return null;
  }
}

/** Test helper and documentation of the layout: hides `text` in the alpha LSBs of RGBA pixels. */
export function writeNovelAiStealth(pixels: RawPixels, payload: Buffer, compressed: boolean): void {
  const magic = Buffer.from(compressed ? 'stealth_pngcomp' : 'stealth_pnginfo', 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(payload.length * 8);
  const bytes = Buffer.concat([magic, length, payload]);
  const { width, height, data } = pixels;
  if (bytes.length * 8 > width * height) throw new Error('image too small for the payload');
  for (let i = 0; i < bytes.length * 8; i++) {
    const bit = (bytes[i >> 3] >> (7 - (i & 7))) & 1;
    const x = Math.floor(i / height);
    const y = i % height;
    const at = (y * width + x) * 4 + 3;
    data[at] = (data[at] & 0xfe) | bit;
  }
}
