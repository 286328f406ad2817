import { decodeUtf8OrLatin1, trimTrailingNuls } from './png-chunks';

/** The EXIF fields that can say who or what made an image. Decoded to text. */
export interface ExifFields {
  make?: string;
  model?: string;
  software?: string;
  artist?: string;
  imageDescription?: string;
  copyright?: string;
  /** EXIF UserComment (0x9286) with its character-code prefix decoded. */
  userComment?: string;
  /** Windows XPComment (0x9C9C) and XPKeywords (0x9C9E), UTF-16LE. */
  xpComment?: string;
  xpKeywords?: string;
  /** An XMP packet stored in TIFF tag 700 (TIFF files carry XMP there, not in a separate segment). */
  xmp?: string;
}

const TAGS: Record<number, keyof ExifFields> = {
  0x010e: 'imageDescription',
  0x010f: 'make',
  0x0110: 'model',
  0x0131: 'software',
  0x013b: 'artist',
  0x8298: 'copyright',
  0x9286: 'userComment',
  0x9c9c: 'xpComment',
  0x9c9e: 'xpKeywords',
  0x02bc: 'xmp',
};
const EXIF_IFD_POINTER = 0x8769;
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };
const MAX_ENTRIES = 512;

/** Reads IFD0 and the Exif sub-IFD of TIFF-structured EXIF bytes. Malformed data yields what was readable. */
export function readExifFields(bytes: Buffer): ExifFields {
  const fields: ExifFields = {};
  // PNG eXIf and WebP EXIF should hold bare TIFF, but some writers keep JPEG's `Exif\0\0` header.
  const tiff = bytes.toString('latin1', 0, 6) === 'Exif\0\0' ? bytes.subarray(6) : bytes;
  if (tiff.length < 8) return fields;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return fields;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const visited = new Set<number>();

  const readIfd = (ifdOffset: number): void => {
    if (visited.has(ifdOffset) || ifdOffset + 2 > tiff.length) return;
    visited.add(ifdOffset);
    const count = Math.min(u16(ifdOffset), MAX_ENTRIES);
    for (let i = 0; i < count; i++) {
      const entry = ifdOffset + 2 + i * 12;
      if (entry + 12 > tiff.length) return;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      if (tag === EXIF_IFD_POINTER) {
        readIfd(u32(entry + 8));
        continue;
      }
      const name = TAGS[tag];
      if (!name) continue;
      const byteLength = n * (TYPE_SIZES[type] ?? 1);
      const valueAt = byteLength <= 4 ? entry + 8 : u32(entry + 8);
      if (valueAt + byteLength > tiff.length) continue;
      const raw = tiff.subarray(valueAt, valueAt + byteLength);
      const text = decodeField(name, raw);
      if (text) fields[name] = text;
    }
  };
  readIfd(u32(4));
  return fields;
}

function decodeField(name: keyof ExifFields, raw: Buffer): string {
  if (name === 'userComment') return decodeUserComment(raw);
  if (name === 'xpComment' || name === 'xpKeywords') return trimTrailingNuls(raw.toString('utf16le')).trim();
  return trimTrailingNuls(decodeUtf8OrLatin1(raw)).trim();
}

/**
 * UserComment starts with an 8-byte character code (EXIF 2.32 §4.6.5): ASCII, UNICODE, JIS or undefined
 * (eight NULs). `UNICODE\0` means UTF-16, whose byte order writers disagree on (A1111/piexif write
 * big-endian whatever the TIFF order), so a BOM decides when present, else the text itself. JIS is
 * JIS X 0208: ISO-2022-JP when it has escape sequences, Shift_JIS as Japanese Windows tools write it.
 */
export function decodeUserComment(raw: Buffer): string {
  const prefix = raw.toString('latin1', 0, 8);
  const body = raw.subarray(8);
  if (prefix === 'UNICODE\0') return trimTrailingNuls(decodeUtf16Guessing(body)).trim();
  if (prefix === 'JIS\0\0\0\0\0') {
    const encoding = body.includes(0x1b) ? 'iso-2022-jp' : 'shift_jis';
    return trimTrailingNuls(new TextDecoder(encoding).decode(body)).trim();
  }
  if (prefix === 'ASCII\0\0\0' || prefix === '\0\0\0\0\0\0\0\0') {
    return trimTrailingNuls(decodeUtf8OrLatin1(body)).trim();
  }
  // No (or an unknown) prefix: some tools write the text directly.
  return trimTrailingNuls(decodeUtf8OrLatin1(raw)).trim();
}

function decodeUtf16Guessing(body: Buffer): string {
  if (body[0] === 0xfe && body[1] === 0xff) return Buffer.from(body.subarray(2, body.length - (body.length % 2))).swap16().toString('utf16le');
  if (body[0] === 0xff && body[1] === 0xfe) return body.subarray(2).toString('utf16le');
  const even = body.length - (body.length % 2);
  let zeroHigh = 0; // zero in the first byte of a pair: big-endian ASCII
  let zeroLow = 0;
  for (let i = 0; i < even; i += 2) {
    if (body[i] === 0 && body[i + 1] !== 0) zeroHigh++;
    if (body[i + 1] === 0 && body[i] !== 0) zeroLow++;
  }
  const pairs = Buffer.from(body.subarray(0, even));
  if (zeroHigh > zeroLow) pairs.swap16();
  return pairs.toString('utf16le');
}
