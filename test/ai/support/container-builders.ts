import sharp from 'sharp';
import { pngChunk, pngFromRaw, syntheticRgb, withJpegApp1, withPngChunks } from './fixture-builders';
import { tiff, type TiffEntry } from './tiff-builder';

export type { TiffEntry };

export const ascii = (tag: number, text: string): TiffEntry => ({ tag, type: 2, value: Buffer.from(`${text}\0`, 'latin1') });
export const bytesEntry = (tag: number, value: Buffer): TiffEntry => ({ tag, type: 1, value });
export const undefinedEntry = (tag: number, value: Buffer): TiffEntry => ({ tag, type: 7, value });
/** Windows XP* tags: UTF-16LE bytes with a terminating NUL pair. */
export const xpEntry = (tag: number, text: string): TiffEntry => bytesEntry(tag, Buffer.from(`${text}\0`, 'utf16le'));


export type Container = 'jpeg' | 'png' | 'webp' | 'tiff';
export const CONTAINERS: Container[] = ['jpeg', 'png', 'webp', 'tiff'];

const base = async () => pngFromRaw(await syntheticRgb(48, 48), 48, 48);

/** A WebP rebuilt as extended (VP8X) with EXIF and/or XMP chunks, as cwebp/exiftool write it. */
function webpWith(webp: Buffer, exif: Buffer | null, xmp: string | null): Buffer {
  const chunk = (fourcc: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(fourcc, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, Buffer.alloc(data.length & 1)]);
  };
  const vp8x = Buffer.alloc(10);
  vp8x[0] = (exif ? 0x08 : 0) | (xmp ? 0x04 : 0);
  vp8x.writeUIntLE(47, 4, 3);
  vp8x.writeUIntLE(47, 7, 3);
  const parts = [Buffer.from('WEBP', 'latin1'), chunk('VP8X', vp8x), webp.subarray(12)];
  if (exif) parts.push(chunk('EXIF', exif));
  if (xmp) parts.push(chunk('XMP ', Buffer.from(xmp, 'utf8')));
  const body = Buffer.concat(parts);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

/**
 * An image in `container` carrying the given EXIF (TIFF bytes) and XMP packet where that container keeps
 * them: JPEG APP1 segments, PNG eXIf + iTXt XML:com.adobe.xmp, WebP EXIF/XMP chunks, TIFF IFD0 (tag 700).
 * The TIFF is a metadata-only file (no strips): the reader never decodes pixels.
 */
export async function imageWith(container: Container, ifd0: TiffEntry[], exifIfd: TiffEntry[], xmp: string | null = null): Promise<Buffer> {
  const hasExif = ifd0.length + exifIfd.length > 0;
  if (container === 'tiff') {
    return tiff(xmp ? [...ifd0, undefinedEntry(0x02bc, Buffer.from(xmp, 'utf8'))] : ifd0, exifIfd);
  }
  const exif = hasExif ? tiff(ifd0, exifIfd) : null;
  if (container === 'png') {
    const chunks: Buffer[] = [];
    if (exif) chunks.push(pngChunk('eXIf', exif));
    if (xmp) chunks.push(pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmp, 'utf8')])));
    return withPngChunks(await base(), chunks);
  }
  if (container === 'webp') return webpWith(await sharp(await base()).webp().toBuffer(), exif, xmp);
  let jpeg: Buffer = await sharp(await base()).jpeg().toBuffer();
  if (xmp) jpeg = withJpegApp1(jpeg, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmp}`, 'utf8'));
  if (exif) jpeg = withJpegApp1(jpeg, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exif]));
  return jpeg;
}
