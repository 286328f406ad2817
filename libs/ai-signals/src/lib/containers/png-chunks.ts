import { inflateSync } from 'node:zlib';

/** A text entry from a PNG tEXt, zTXt or iTXt chunk. */
export interface PngTextEntry {
  chunk: 'tEXt' | 'zTXt' | 'iTXt';
  keyword: string;
  text: string;
}

export interface PngChunks {
  texts: PngTextEntry[];
  /** TIFF bytes from an eXIf chunk. */
  exif: Buffer | null;
  /** XMP packet from the `XML:com.adobe.xmp` iTXt chunk. */
  xmp: string | null;
  /** A caBX chunk (C2PA JUMBF) is present. */
  hasC2pa: boolean;
  /** IHDR colour type 4 or 6: the image has an alpha channel (where NovelAI hides its stealth data). */
  hasAlpha: boolean;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Compressed text chunks are capped so a zip bomb in a tEXt chunk costs nothing. */
const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

export function isPng(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}

/** Walks every chunk up to IEND; a truncated chunk ends the walk (what was read is kept). */
export function readPngChunks(bytes: Buffer): PngChunks {
  const result: PngChunks = { texts: [], exif: null, xmp: null, hasC2pa: false, hasAlpha: false };
  if (!isPng(bytes)) return result;
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const start = offset + 8;
    const end = start + length;
    if (end + 4 > bytes.length) break;
    const data = bytes.subarray(start, end);
    switch (type) {
      case 'IHDR':
        if (data.length >= 10) result.hasAlpha = data[9] === 4 || data[9] === 6;
        break;
      case 'tEXt':
        pushText(result, 'tEXt', parseTExt(data));
        break;
      case 'zTXt':
        pushText(result, 'zTXt', parseZTxt(data));
        break;
      case 'iTXt':
        pushText(result, 'iTXt', parseITxt(data));
        break;
      case 'eXIf':
        result.exif = Buffer.from(data);
        break;
      case 'caBX':
        result.hasC2pa = true;
        break;
    }
    if (type === 'IEND') break;
    offset = end + 4;
  }
  return result;
}

function pushText(result: PngChunks, chunk: PngTextEntry['chunk'], entry: KeywordText | null): void {
  if (!entry) return;
  if (entry.keyword === 'XML:com.adobe.xmp') {
    result.xmp = entry.text;
    return;
  }
  result.texts.push({ chunk, keyword: entry.keyword, text: entry.text });
}

interface KeywordText {
  keyword: string;
  text: string;
}

function splitKeyword(data: Buffer): { keyword: string; rest: Buffer } | null {
  const nul = data.indexOf(0);
  if (nul <= 0 || nul > 79) return null;
  return { keyword: data.toString('latin1', 0, nul), rest: data.subarray(nul + 1) };
}

function parseTExt(data: Buffer): KeywordText | null {
  const split = splitKeyword(data);
  // tEXt is Latin-1 by spec, but generators (A1111, ComfyUI) write UTF-8: decode as UTF-8 when it is valid.
  return split ? { keyword: split.keyword, text: decodeUtf8OrLatin1(split.rest) } : null;
}

function parseZTxt(data: Buffer): KeywordText | null {
  const split = splitKeyword(data);
  if (!split || split.rest.length < 1 || split.rest[0] !== 0) return null;
  const inflated = safeInflate(split.rest.subarray(1));
  return inflated ? { keyword: split.keyword, text: decodeUtf8OrLatin1(inflated) } : null;
}

function parseITxt(data: Buffer): KeywordText | null {
  const split = splitKeyword(data);
  if (!split || split.rest.length < 2) return null;
  const compressed = split.rest[0] === 1;
  let rest = split.rest.subarray(2);
  // Skip the language tag and the translated keyword, each NUL-terminated.
  for (let i = 0; i < 2; i++) {
    const nul = rest.indexOf(0);
    if (nul < 0) return null;
    rest = rest.subarray(nul + 1);
  }
  const body = compressed ? safeInflate(rest) : rest;
  return body ? { keyword: split.keyword, text: body.toString('utf8') } : null;
}

function safeInflate(data: Buffer): Buffer | null {
  try {
    return inflateSync(data, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    return null;
  }
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8OrLatin1(data: Uint8Array): string {
  try {
    return utf8Decoder.decode(data);
  } catch {
    return Buffer.from(data).toString('latin1');
  }
}

/**
 * `text` without its trailing NUL padding. Not `replace(/\0+$/, '')`: on a long run of NULs followed by
 * anything else that regex retries from every NUL (50,000 NULs: 2 s on the event loop).
 */
export function trimTrailingNuls(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
  return end === text.length ? text : text.slice(0, end);
}
