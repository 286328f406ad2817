import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { ListingFields } from '@listinglens/contracts';
import type { AnalyzedImage, DetectorContext } from '@listinglens/pipeline';
import { NO_PDQ, sniffFormat } from '@listinglens/pipeline';
import { pngChunk } from '../../support/images';
import { tiff } from './tiff-builder';

/** One PNG chunk writer for all tests (test/support/images). */
export { pngChunk };

export const textChunk = (keyword: string, text: string) =>
  pngChunk('tEXt', Buffer.concat([Buffer.from(`${keyword}\0`, 'latin1'), Buffer.from(text, 'utf8')]));
export const zTxtChunk = (keyword: string, text: string) =>
  pngChunk('zTXt', Buffer.concat([Buffer.from(`${keyword}\0\0`, 'latin1'), deflateSync(Buffer.from(text, 'utf8'))]));
export const iTxtChunk = (keyword: string, text: string, compressed = false) =>
  pngChunk(
    'iTXt',
    Buffer.concat([
      Buffer.from(`${keyword}\0`, 'latin1'),
      Buffer.from([compressed ? 1 : 0, 0]),
      Buffer.from('\0\0', 'latin1'),
      compressed ? deflateSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8'),
    ]),
  );

/** Inserts chunks right after IHDR of a PNG. */
export function withPngChunks(png: Buffer, chunks: Buffer[]): Buffer {
  const ihdrEnd = 8 + 8 + png.readUInt32BE(8) + 4;
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]);
}

/** A textured test photo: smooth gradients plus deterministic noise, so no block is flat. */
export async function syntheticRgb(width: number, height: number, seed = 1): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  let state = seed;
  const rand = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      data[p] = Math.round(120 + 80 * Math.sin(x / 37 + seed) + 20 * rand());
      data[p + 1] = Math.round(110 + 70 * Math.cos(y / 29) + 20 * rand());
      data[p + 2] = Math.round(100 + 60 * Math.sin((x + y) / 53) + 20 * rand());
    }
  }
  return data;
}

export async function pngFromRaw(data: Buffer, width: number, height: number, channels: 3 | 4 = 3): Promise<Buffer> {
  return sharp(data, { raw: { width, height, channels } }).png().toBuffer();
}

/** A minimal big-endian TIFF with IFD0 (Software) and an Exif IFD (UserComment). */
export function exifTiff(fields: { software?: string; userComment?: Buffer }, littleEndian = false): Buffer {
  const ifd0 = fields.software ? [{ tag: 0x0131, type: 2, value: Buffer.from(`${fields.software}\0`, 'latin1') }] : [];
  const exif = fields.userComment ? [{ tag: 0x9286, type: 7, value: fields.userComment }] : [];
  return tiff(ifd0, exif, littleEndian);
}

/** Inserts an APP1 segment right after SOI of a JPEG. */
export function withJpegApp1(jpeg: Buffer, payload: Buffer): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, payload, jpeg.subarray(2)]);
}

export function xmpPacket(body: string): string {
  return (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description ' +
    'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ' +
    `xmlns:xmp="http://ns.adobe.com/xap/1.0/" ${body}</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  );
}

export async function analyzed(bytes: Buffer, position = 0): Promise<AnalyzedImage> {
  const meta = await sharp(bytes).metadata();
  return {
    position,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: sniffFormat(bytes) ?? 'png',
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    phash: '0000000000000000',
    ...NO_PDQ,
  };
}

export function context(images: AnalyzedImage[], listing: Partial<ListingFields> = {}): DetectorContext {
  return {
    listing: {
      marketplace: 'test',
      externalId: 'x1',
      sellerId: 'seller-a',
      title: 'Blue backpack',
      price: { amount: '10.00', currency: 'EUR' },
      ...listing,
    },
    images,
    text: async () => null,
    stepDeadline: () => Date.now() + 60_000,
    // A fake scan has nowhere to record an image error: surface it instead of losing it.
    reportError: (image, error) => {
      throw new Error(`image ${image.position}: ${error.code} ${error.message}`);
    },
  };
}
