/** What a WebP (RIFF) file carries besides pixels. exifr cannot read WebP, so we walk RIFF ourselves. */
export interface WebpMetadata {
  exif: Buffer | null;
  xmp: string | null;
  hasC2pa: boolean;
}

export function isWebp(bytes: Buffer): boolean {
  return (
    bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP'
  );
}

export function readWebpMetadata(bytes: Buffer): WebpMetadata {
  const result: WebpMetadata = { exif: null, xmp: null, hasC2pa: false };
  if (!isWebp(bytes)) return result;
  const riffEnd = Math.min(bytes.length, 8 + bytes.readUInt32LE(4));
  let offset = 12;
  while (offset + 8 <= riffEnd) {
    const fourcc = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const start = offset + 8;
    const end = start + size;
    if (end > riffEnd) break;
    const data = bytes.subarray(start, end);
    if (fourcc === 'EXIF') {
      // Some writers keep the JPEG-style `Exif\0\0` prefix inside the chunk.
      const tiff = data.toString('latin1', 0, 6) === 'Exif\0\0' ? data.subarray(6) : data;
      result.exif = Buffer.from(tiff);
    } else if (fourcc === 'XMP ') {
      result.xmp = data.toString('utf8');
    } else if (fourcc === 'C2PA') {
      result.hasC2pa = true;
    }
    // Chunks are padded to an even size.
    offset = end + (size & 1);
  }
  return result;
}
