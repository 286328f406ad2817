import type { PoolUsage } from '@listinglens/pipeline';
import sharp from 'sharp';
import type { Page } from 'tesseract.js';
import type { LineRereader } from './paddle/paddle-text-reader';
import type { PpOcrLine } from './paddle/ppocr-settings';
import type { Rect } from './paddle/raster';
import { frameBounds, type TextFrame } from './paddle/text-frame';
import type { RawPixels } from './colour-panels';
import { keyTextColour } from './text-colour-key';
import type { TesseractWorkerPool } from './tesseract-worker-pool';

/**
 * The Korean and Japanese path: PP-OCR's Chinese recogniser has no Hangul and 5 kana, so a Korean line
 * comes back as low-confidence Chinese (or nothing). Those lines are cut out of the image (PP-OCR's
 * detector finds them whatever the script) and read again by tesseract.js with kor/jpn data, one line
 * per page (PSM 7); the more confident read wins.
 */
export class TesseractLineRereader implements LineRereader {
  constructor(
    private readonly pool: TesseractWorkerPool,
    readonly belowConfidence: number,
    private readonly timeoutMs: number,
    /** Also read each line keyed by its text's colour (see keyTextColour); bestRead picks between the reads. */
    private readonly keyColours = false,
  ) {}

  async reread(image: Buffer, lines: readonly PpOcrLine[]): Promise<Array<{ text: string; confidence: number } | null>> {
    const deadline = Date.now() + this.timeoutMs;
    // Decoded once (orientation applied, as PP-OCR's boxes are); every line is cut from these pixels.
    const oriented = await sharp(image).rotate().raw().toBuffer({ resolveWithObject: true });
    const { width, height, channels } = oriented.info;
    const raster = { data: oriented.data, width, height, channels };
    return Promise.all(
      lines.map(async (line) => {
        const cut = line.slant ? await levelledCrop(raster, line.slant) : boxCrop(raster, line.box);
        if (!cut) return null;
        // Upscaled to ~64 px tall: tesseract's LSTM reads lines best at 30–60 px x-height.
        const sized = await cut.image.resize({ height: Math.max(cut.height, 64), withoutEnlargement: false }).raw().toBuffer({ resolveWithObject: true });
        const pixels = { data: sized.data, width: sized.info.width, height: sized.info.height, channels: sized.info.channels };
        const keyed = this.keyColours ? keyTextColour(pixels) : null;
        const crops = [await darkText(pixels).png().toBuffer()];
        if (keyed) crops.push(await sharp(keyed, { raw: { width: pixels.width, height: pixels.height, channels: 1 } }).png().toBuffer());
        const reads = await Promise.all(crops.map(async (crop) => pageText(await this.pool.recognize(crop, deadline, this.timeoutMs))));
        return bestRead(reads);
      }),
    );
  }

  usage(): PoolUsage {
    return this.pool.usage();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

interface Crop {
  image: sharp.Sharp;
  height: number;
}

/** A little margin around a line, as a share of its height: tesseract reads glyphs cut flush at the edge badly. */
const MARGIN = 0.15;

function boxCrop(raster: RawPixels, box: Rect): Crop | null {
  const pad = Math.round(box.height * MARGIN);
  const left = Math.max(0, Math.round(box.x) - pad);
  const top = Math.max(0, Math.round(box.y) - pad);
  const w = Math.min(raster.width - left, Math.round(box.width) + 2 * pad);
  const h = Math.min(raster.height - top, Math.round(box.height) + 2 * pad);
  if (w < 4 || h < 4) return null;
  return { image: rawSharp(raster).extract({ left, top, width: w, height: h }), height: h };
}

/**
 * A line at a slant (a rotated sticker) cut out along its slant and turned level: its axis-aligned box
 * holds the line diagonally with the ground around it, which tesseract's line mode reads as nothing
 * (the evaluation's "베스트셀러" on a sticker turned 15°). The box around the frame is cut, turned by
 * the frame's angle about its centre, and the frame (with its margin) cut from the middle.
 */
async function levelledCrop(raster: RawPixels, frame: TextFrame): Promise<Crop | null> {
  const pad = Math.round(frame.across * MARGIN);
  const padded = { ...frame, along: frame.along + 2 * pad, across: frame.across + 2 * pad };
  const b = frameBounds(padded, raster.width, raster.height);
  const left = Math.floor(b.x);
  const top = Math.floor(b.y);
  const w = Math.min(raster.width - left, Math.ceil(b.width) + 1);
  const h = Math.min(raster.height - top, Math.ceil(b.height) + 1);
  if (w < 4 || h < 4) return null;
  const cut = await rawSharp(raster).extract({ left, top, width: w, height: h }).raw().toBuffer();
  const turned = await rawSharp({ data: cut, width: w, height: h, channels: raster.channels })
    .rotate((-frame.angle * 180) / Math.PI, { background: '#fff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width: tw, height: th } = turned.info;
  // sharp turns about the middle of what it was given: the frame's centre, as an offset from the cut's
  // middle, turns with it.
  const dx = frame.cx - (left + w / 2);
  const dy = frame.cy - (top + h / 2);
  const cos = Math.cos(-frame.angle);
  const sin = Math.sin(-frame.angle);
  const cx = tw / 2 + dx * cos - dy * sin;
  const cy = th / 2 + dx * sin + dy * cos;
  const x0 = Math.max(0, Math.round(cx - padded.along / 2));
  const y0 = Math.max(0, Math.round(cy - padded.across / 2));
  const cw = Math.min(tw - x0, Math.round(padded.along));
  const ch = Math.min(th - y0, Math.round(padded.across));
  if (cw < 4 || ch < 4) return null;
  const image = rawSharp({ data: turned.data, width: tw, height: th, channels: turned.info.channels }).extract({ left: x0, top: y0, width: cw, height: ch });
  return { image, height: ch };
}

function rawSharp(pixels: RawPixels): sharp.Sharp {
  return sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels as 1 | 2 | 3 | 4 } });
}

/**
 * Tesseract reads dark text on a light ground; light text on a dark banner came back as other glyphs. A
 * crop that is dark overall is mostly dark ground: it is turned to grey and inverted. Measured on the
 * evaluation's white "정품 인증" on a black banner: "찜픔인증" at 0.34 as it was, "정품 인증" at 0.96 inverted.
 * The grey level is the crop's own (sharp's stats() on a pipeline would measure its input, the whole
 * image, mostly white on a product photo).
 */
function darkText(crop: RawPixels): sharp.Sharp {
  const { data, channels } = crop;
  let sum = 0;
  for (let i = 0; i < data.length; i += channels) {
    sum += channels >= 3 ? 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2] : data[i];
  }
  const mean = sum / (data.length / channels);
  const image = rawSharp(crop);
  return mean < DARK_GROUND ? image.greyscale().normalise().negate({ alpha: false }) : image;
}

/** Mean grey level (0–255) under which a crop is taken for light text on a dark ground. */
const DARK_GROUND = 110;

type Read = { text: string; confidence: number };

/**
 * Of several reads of one line, the one likely to hold the most right glyphs (glyphs × confidence).
 * Confidence alone favours the shorter read: keyed by one colour, "피부결개선만족도" lost its differently
 * coloured first word and came back as "개선만족도" at 0.97 against 0.94 for the whole line.
 */
export function bestRead(reads: ReadonlyArray<Read | null>): Read | null {
  const expected = (r: Read) => r.text.replace(/\s/g, '').length * r.confidence;
  return reads.reduce<Read | null>((best, read) => (read && (!best || expected(read) > expected(best)) ? read : best), null);
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;

function pageText(page: Page): { text: string; confidence: number } | null {
  const words = (page.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
  if (words.length === 0) return null;
  // No space where either side is CJK script: tesseract splits "割引クーポン" into "割引 クー ポン" and
  // "판매 1위" into "판매 1 위"; the detectors read CJK text without spaces (as buildTextLines joins
  // tesseract's Chinese words).
  const text = words.map((w) => w.text).reduce((line, word) => (line && !CJK.test(line.slice(-1)) && !CJK.test(word[0] ?? '') ? `${line} ${word}` : line + word), '');
  const confidence = words.reduce((s, w) => s + w.confidence, 0) / words.length / 100;
  return { text, confidence };
}
