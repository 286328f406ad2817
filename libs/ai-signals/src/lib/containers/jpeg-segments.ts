/** What a JPEG carries before its scan data: EXIF, XMP (standard and extended), C2PA, comments. */
import { trimTrailingNuls } from './png-chunks';
export interface JpegMetadata {
  /** TIFF bytes of the APP1 Exif segment (without the `Exif\0\0` header). */
  exif: Buffer | null;
  /** Standard XMP packet plus any extended XMP reassembled from its parts. */
  xmp: string[];
  /** An APP11 JUMBF segment (C2PA) is present. */
  hasC2pa: boolean;
  comments: string[];
}

const EXIF_HEADER = 'Exif\0\0';
const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
const XMP_EXTENSION_HEADER = 'http://ns.adobe.com/xmp/extension/\0';

export function isJpeg(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Walks marker segments up to the first scan (SOS); malformed lengths end the walk. */
export function readJpegMetadata(bytes: Buffer): JpegMetadata {
  const result: JpegMetadata = { exif: null, xmp: [], hasC2pa: false, comments: [] };
  if (!isJpeg(bytes)) return result;
  // Extended XMP arrives in chunks keyed by the MD5 GUID of the full packet, each with its offset.
  const extended = new Map<string, { total: number; parts: Map<number, Buffer> }>();
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break;
    const length = bytes.readUInt16BE(offset + 2);
    const start = offset + 4;
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) break;
    const data = bytes.subarray(start, end);
    if (marker === 0xe1) readApp1(data, result, extended);
    else if (marker === 0xeb && data.length >= 2 && data.toString('latin1', 0, 2) === 'JP') result.hasC2pa = true;
    else if (marker === 0xfe) result.comments.push(trimTrailingNuls(data.toString('utf8')));
    offset = end;
  }
  for (const { total, parts } of extended.values()) {
    const ordered = [...parts.entries()].sort((a, b) => a[0] - b[0]).map(([, part]) => part);
    const joined = Buffer.concat(ordered);
    if (joined.length === total) result.xmp.push(joined.toString('utf8'));
  }
  return result;
}

function readApp1(
  data: Buffer,
  result: JpegMetadata,
  extended: Map<string, { total: number; parts: Map<number, Buffer> }>,
): void {
  if (startsWith(data, EXIF_HEADER)) {
    result.exif ??= Buffer.from(data.subarray(EXIF_HEADER.length));
  } else if (startsWith(data, XMP_HEADER)) {
    result.xmp.push(data.toString('utf8', XMP_HEADER.length));
  } else if (startsWith(data, XMP_EXTENSION_HEADER)) {
    const body = data.subarray(XMP_EXTENSION_HEADER.length);
    if (body.length < 40) return;
    const guid = body.toString('latin1', 0, 32);
    const total = body.readUInt32BE(32);
    const partOffset = body.readUInt32BE(36);
    const entry = extended.get(guid) ?? { total, parts: new Map<number, Buffer>() };
    entry.parts.set(partOffset, Buffer.from(body.subarray(40)));
    extended.set(guid, entry);
  }
}

function startsWith(data: Buffer, header: string): boolean {
  return data.length >= header.length && data.toString('latin1', 0, header.length) === header;
}
