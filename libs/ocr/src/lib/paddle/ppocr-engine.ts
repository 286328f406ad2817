import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { ctcGreedyDecode } from './ctc-decode';
import { type DbPostprocessOptions, dbRegions } from './db-postprocess';
import { decodeRaster, toOriginal } from './decode-raster';
import { type DetectionTile, planDetection } from './detection-plan';
import { loadAlphabet, type PpOcrModelFiles } from './ppocr-models';
import { joinRaisedCents, markRaisedCents } from './raised-cents';
import { readingOrder } from './reading-order';
import { lineRatio, mergePieces, packRows, type PlacedChar, REC_HEIGHT, type RecPiece, splitLine } from './rec-plan';
import { type Rect, type RgbRaster, sampleCropInto } from './raster';
import { frameBounds, scaleFrame, type TextFrame, turnFrame } from './text-frame';
import { PPOCR_DEFAULTS, type PpOcrLine, type PpOcrSettings } from './ppocr-settings';

const CLS_WIDTH = 192;
/** Lines read below this confidence are checked for being upside down. */
const UNSURE = 0.85;
const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];

/** onnxruntime session settings (bench:ocr measures them; the defaults are what measured best). */
export interface RuntimeOptions {
  intraOpThreads?: number;
  memArena?: boolean;
  memPattern?: boolean;
  /** A folder where each model is written once after onnxruntime's graph optimisations, and loaded
   * from on later starts. */
  optimizedDir?: string;
}

/** Where one engine's time went, summed over reads, and what each detected line read (before joins and
 * filters), for the bench's stage table, padding share and line-by-line comparison. */
export interface PpOcrProbe {
  seconds: { total: number; decode: number; detection: number; classifier: number; recognition: number };
  /** Recogniser input columns, and those holding a line rather than padding. */
  recColumns: number;
  textColumns: number;
  /** The widest recogniser input so far. */
  widestInput: number;
  reads: string[];
}

export function newPpOcrProbe(): PpOcrProbe {
  return { seconds: { total: 0, decode: 0, detection: 0, classifier: 0, recognition: 0 }, recColumns: 0, textColumns: 0, widestInput: 0, reads: [] };
}

/**
 * PP-OCR on onnxruntime-node: DB text detection, 0°/180° line classification, CTC line recognition.
 * Each image is decoded once into an RGB raster every stage samples from. Runs wherever it is
 * created; the reader puts one engine in each pool process (ppocr-process.ts; onnxruntime with one
 * intra-op thread: the default thread pool burned ~45 % more CPU for the same page, ENVIRONMENT.md).
 */
export class PpOcrEngine {
  private constructor(
    private readonly det: ort.InferenceSession,
    private readonly rec: ort.InferenceSession,
    private readonly cls: ort.InferenceSession,
    private readonly alphabet: string[],
  ) {}

  static async load(files: PpOcrModelFiles, runtime: RuntimeOptions = {}): Promise<PpOcrEngine> {
    const options: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: runtime.intraOpThreads ?? 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      ...(runtime.memArena === undefined ? {} : { enableCpuMemArena: runtime.memArena }),
      ...(runtime.memPattern === undefined ? {} : { enableMemPattern: runtime.memPattern }),
    };
    const session = async (path: string) => {
      if (!runtime.optimizedDir) return ort.InferenceSession.create(path, options);
      const cached = join(runtime.optimizedDir, `${basename(path, '.onnx')}.optimized.onnx`);
      if (existsSync(cached)) return ort.InferenceSession.create(cached, { ...options, graphOptimizationLevel: 'disabled' });
      mkdirSync(runtime.optimizedDir, { recursive: true });
      return ort.InferenceSession.create(path, { ...options, optimizedModelFilePath: cached });
    };
    const [det, rec, cls] = await Promise.all([session(files.detection), session(files.recognition), session(files.angleClassifier)]);
    return new PpOcrEngine(det, rec, cls, loadAlphabet(files.dictionary));
  }

  /** Frees the sessions' native memory now rather than at exit. */
  async release(): Promise<void> {
    await Promise.all([this.det.release(), this.rec.release(), this.cls.release()]);
  }

  /** @param probe when given, collects where the time went and what each detected line read (bench:ocr). */
  async read(bytes: Buffer, settings: PpOcrSettings = PPOCR_DEFAULTS, probe?: PpOcrProbe): Promise<PpOcrLine[]> {
    const t0 = performance.now();
    const timed = async <T>(stage: keyof PpOcrProbe['seconds'], work: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      try {
        return await work();
      } finally {
        if (probe) probe.seconds[stage] += (performance.now() - start) / 1000;
      }
    };
    try {
      const { raster, scaleX, scaleY } = await timed('decode', () => decodeRaster(bytes, settings.maxOcrPixels));
      const found: TextFrame[] = [];
      for (const tile of planDetection(raster.width, raster.height, settings.detection)) {
        found.push(...(await timed('detection', () => this.detect(raster, tile, settings.db))));
      }
      if (found.length === 0) return [];
      // A frame much thicker than long is a vertical line (CJK): read it top to bottom.
      const detected = found.map((f) => (f.across >= 1.5 * f.along ? turnFrame(f, Math.PI / 2) : f));
      const frames = detected.map((f) => lengthenStart(f, settings.linePadding * f.across));
      const read = await timed('recognition', () => this.recognise(raster, frames, settings, probe));
      if (settings.angleClassifier) await this.retryUpsideDown(raster, frames, read, settings, probe, timed);
      probe?.reads.push(...read.map((l) => l.text));
      // The padding is for the recogniser only: boxes (evidence, raised cents, the Korean re-read's crop)
      // are the detected line's.
      const lines = read.map((l, i) => withSlant(withBox(l, frameBounds(detected[i], raster.width, raster.height)), detected[i]));
      const joined = settings.raisedCents ? joinRaisedCents(lines.map((l, i) => (frames[i].angle === 0 ? markRaisedCents(l, raster) : l))) : lines;
      const kept = joined
        .filter((l) => (l.text.trim() || settings.keepUnreadLines) && l.confidence >= settings.minLineConfidence)
        .map((l) => toOriginal(l, scaleX, scaleY));
      return readingOrder(kept);
    } finally {
      if (probe) probe.seconds.total += (performance.now() - t0) / 1000;
    }
  }

  /** Text frames of one tile, in raster pixels, keeping only those whose centre the tile owns. */
  private async detect(raster: RgbRaster, tile: DetectionTile, db: DbPostprocessOptions): Promise<TextFrame[]> {
    const { rect, inputWidth: w, inputHeight: h } = tile;
    const pixels = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } })
      .extract({ left: rect.x, top: rect.y, width: rect.width, height: rect.height })
      .resize(w, h, { fit: 'fill' })
      .raw()
      .toBuffer();
    const input = new Float32Array(3 * w * h);
    const plane = w * h;
    for (let i = 0; i < plane; i++) {
      // BGR order, ImageNet mean/std: what the DB model was trained on (OpenCV images).
      input[i] = (pixels[i * 3 + 2] / 255 - DET_MEAN[0]) / DET_STD[0];
      input[i + plane] = (pixels[i * 3 + 1] / 255 - DET_MEAN[1]) / DET_STD[1];
      input[i + 2 * plane] = (pixels[i * 3] / 255 - DET_MEAN[2]) / DET_STD[2];
    }
    const out = await this.det.run({ [this.det.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, h, w]) });
    const prob = out[this.det.outputNames[0]].data as Float32Array;
    const sx = rect.width / w;
    const sy = rect.height / h;
    return dbRegions(prob, w, h, db)
      .map((r) => {
        const f = scaleFrame(r.frame, sx, sy);
        return { ...f, cx: rect.x + f.cx, cy: rect.y + f.cy };
      })
      .filter((f) => f.cy >= tile.ownFrom && f.cy < tile.ownTo);
  }

  /**
   * Upside-down lines: the classifier looks only at lines read with less than UNSURE confidence, and a
   * line it calls upside down is read again turned; the more confident read wins. Classifying every line
   * and trusting it (PaddleOCR's way) cost 2 points of corpus recall (73.3 % vs 75.4 %): it turned right-way-up
   * receipt lines, and nothing could undo that.
   */
  private async retryUpsideDown(
    raster: RgbRaster,
    frames: TextFrame[],
    lines: PpOcrLine[],
    settings: PpOcrSettings,
    probe: PpOcrProbe | undefined,
    timed: <T>(stage: keyof PpOcrProbe['seconds'], work: () => Promise<T>) => Promise<T>,
  ): Promise<void> {
    const unsure = lines.map((l, i) => (l.confidence < UNSURE ? i : -1)).filter((i) => i >= 0);
    if (unsure.length === 0) return;
    const flipped = await timed('classifier', () => this.classify(raster, unsure.map((i) => frames[i])));
    const again = unsure.filter((_, k) => flipped[k]);
    if (again.length === 0) return;
    const reread = await timed('recognition', () => this.recognise(raster, again.map((i) => turnFrame(frames[i], Math.PI)), settings, probe));
    again.forEach((i, k) => {
      if (reread[k].confidence > lines[i].confidence) lines[i] = reread[k];
    });
  }

  /** Which lines the 0°/180° classifier finds upside down (PaddleOCR cls_thresh 0.9). */
  private async classify(raster: RgbRaster, frames: TextFrame[]): Promise<boolean[]> {
    const flipped = frames.map(() => false);
    const batch = 8;
    for (let start = 0; start < frames.length; start += batch) {
      const ids = frames.slice(start, start + batch).map((_, k) => start + k);
      const input = new Float32Array(ids.length * 3 * REC_HEIGHT * CLS_WIDTH);
      ids.forEach((id, k) => {
        const outW = Math.min(CLS_WIDTH, Math.ceil(REC_HEIGHT * lineRatio(frames[id])));
        sampleCropInto(input, k, CLS_WIDTH, REC_HEIGHT, raster, frames[id], Math.max(1, outW));
      });
      const out = await this.cls.run({
        [this.cls.inputNames[0]]: new ort.Tensor('float32', input, [ids.length, 3, REC_HEIGHT, CLS_WIDTH]),
      });
      const p = out[this.cls.outputNames[0]].data as Float32Array;
      ids.forEach((id, k) => {
        flipped[id] = p[k * 2 + 1] > 0.9;
      });
    }
    return flipped;
  }

  /** Lines recognised in rows of similar width, so little of each batch is padding (rec-plan.ts). */
  private async recognise(raster: RgbRaster, frames: TextFrame[], settings: PpOcrSettings, probe?: PpOcrProbe): Promise<PpOcrLine[]> {
    const opts = settings.recognition;
    const order = frames.map((_, i) => i).sort((a, b) => lineRatio(frames[a]) - lineRatio(frames[b]));
    const rows = packRows(order.flatMap((i) => splitLine(frames[i], i, opts)), opts);
    const parts: Array<Array<{ piece: RecPiece; chars: PlacedChar[] }>> = frames.map(() => []);
    for (let start = 0; start < rows.length; start += settings.recBatchSize) {
      const batch = rows.slice(start, start + settings.recBatchSize);
      const tensorW = Math.max(opts.minWidth, ...batch.map((r) => r.width));
      const input = new Float32Array(batch.length * 3 * REC_HEIGHT * tensorW);
      batch.forEach((row, k) => row.pieces.forEach(({ piece, x }) => sampleCropInto(input, k, tensorW, REC_HEIGHT, raster, piece.frame, piece.width, x)));
      const out = await this.rec.run({
        [this.rec.inputNames[0]]: new ort.Tensor('float32', input, [batch.length, 3, REC_HEIGHT, tensorW]),
      });
      const tensor = out[this.rec.outputNames[0]];
      const [, steps, classes] = tensor.dims as number[];
      const probs = tensor.data as Float32Array;
      const stepWidth = tensorW / steps;
      if (probe) {
        probe.recColumns += batch.length * tensorW;
        probe.widestInput = Math.max(probe.widestInput, tensorW);
        probe.textColumns += batch.reduce((sum, row) => sum + row.pieces.reduce((s, p) => s + p.piece.width, 0), 0);
      }
      batch.forEach((row, k) =>
        row.pieces.forEach(({ piece, x }, j) => {
          // Only the steps over the line itself and one after it: the padding after a line can decode
          // to stray characters, and the next line in the row is not this one's.
          const first = Math.round(x / stepWidth);
          const next = j + 1 < row.pieces.length ? Math.round(row.pieces[j + 1].x / stepWidth) : steps;
          const used = Math.min(next, steps, first + Math.ceil(piece.width / stepWidth) + 1) - first;
          const decoded = ctcGreedyDecode(probs, (k * steps + first) * classes, used, classes, this.alphabet);
          const pxPerStep = (stepWidth * piece.frame.along) / piece.width;
          const chars = decoded.columns.map(([a, b], c): PlacedChar => ({
            char: decoded.chars[c],
            score: decoded.scores[c],
            from: piece.offset + a * pxPerStep,
            to: piece.offset + b * pxPerStep,
          }));
          parts[piece.line].push({ piece, chars });
        }),
      );
    }
    return frames.map((frame, i) => {
      const chars = mergePieces(parts[i]);
      const scores = chars.map((c) => c.score);
      return {
        text: chars.map((c) => c.char).join(''),
        confidence: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : 0,
        box: frameBounds(frame, raster.width, raster.height),
        chars: charRanges(frame, chars),
        charConfidence: scores.map(round3),
      };
    });
  }
}

/** The line boxed by `box`, its characters' ranges kept inside it. */
function withBox(line: PpOcrLine, box: Rect): PpOcrLine {
  const clamp = (x: number) => Math.min(Math.max(x, box.x), box.x + box.width);
  return { ...line, box, chars: line.chars?.map(([a, b]): [number, number] => [clamp(a), clamp(b)]) ?? null };
}

/** A line detected at a slant keeps its frame (see PpOcrLine.slant); level and vertical lines do not. */
function withSlant(line: PpOcrLine, frame: TextFrame): PpOcrLine {
  return frame.angle !== 0 && Math.abs(frame.angle) <= Math.PI / 4 ? { ...line, slant: frame } : line;
}

/** The frame with `by` pixels more before its start, in its reading direction. */
function lengthenStart(f: TextFrame, by: number): TextFrame {
  return { ...f, cx: f.cx - (by / 2) * Math.cos(f.angle), cy: f.cy - (by / 2) * Math.sin(f.angle), along: f.along + by };
}

/** Each character's x range in raster pixels, for lines read roughly horizontally (either way round). */
function charRanges(frame: TextFrame, chars: readonly PlacedChar[]): Array<[number, number]> | null {
  const cos = Math.cos(frame.angle);
  if (Math.abs(cos) < 0.5) return null;
  const x = (along: number) => frame.cx + (along - frame.along / 2) * cos;
  return chars.map(({ from, to }) => [Math.min(x(from), x(to)), Math.max(x(from), x(to))]);
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
