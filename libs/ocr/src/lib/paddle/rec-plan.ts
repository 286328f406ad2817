import type { TextFrame } from './text-frame';

/** The recogniser's input height: every line is scaled to it. */
export const REC_HEIGHT = 48;

export interface RecognitionOptions {
  /** Narrowest recogniser input (PaddleOCR pads every input to 320 px: a line read with no padding
   * after it can lose or gain a character at its end). */
  minWidth: number;
  /** Lines narrower than `minWidth` share rows of `minWidth` columns, side by side, each followed by
   * at least `gap` columns of padding; 0 turns packing off. */
  gap: number;
  /** Widest input one line is read in: longer lines are read in overlapping chunks. */
  maxWidth: number;
  /** Columns two neighbouring chunks share (three characters of 48 px): a character the cut splits is
   * whole in one of them. */
  overlap: number;
  /** At most this many chunks per line; a longer line is squeezed into them (a 1e6 × 12 strip would
   * otherwise ask for a 4,000,000-column input). */
  maxChunks: number;
}

export const RECOGNITION_DEFAULTS: RecognitionOptions = { minWidth: 320, gap: 0, maxWidth: 1600, overlap: 144, maxChunks: 8 };

/** The recogniser's output steps are this many input columns wide (PP-OCRv4 rec: width / 8). */
const STEP = 8;

/** A part of a line read as one recogniser input. */
export interface RecPiece {
  /** Index of the line it belongs to. */
  line: number;
  frame: TextFrame;
  /** Columns it takes in the recogniser's input. */
  width: number;
  /** Where the piece starts along its line, in raster pixels. */
  offset: number;
  /** Characters whose centre lies in [keepFrom, keepTo) along the line (raster pixels) are this
   * piece's; the rest belong to the neighbouring chunk that sees them further from its edge. */
  keepFrom: number;
  keepTo: number;
}

/** Pieces placed side by side in one recogniser input row, at column `x` each. */
export interface RecRow {
  pieces: Array<{ piece: RecPiece; x: number }>;
  width: number;
}

export function lineRatio(f: TextFrame): number {
  return f.along / Math.max(1, f.across);
}

/** A line as one piece, or as overlapping chunks when it is wider than `maxWidth` at REC_HEIGHT. */
export function splitLine(frame: TextFrame, line: number, opts: RecognitionOptions): RecPiece[] {
  const width = Math.max(1, Math.ceil(REC_HEIGHT * lineRatio(frame)));
  if (width <= opts.maxWidth) return [{ line, frame, width, offset: 0, keepFrom: -Infinity, keepTo: Infinity }];
  // Chunk length and overlap in raster pixels along the line.
  const pxPerColumn = frame.along / width;
  const overlap = opts.overlap * pxPerColumn;
  let length = opts.maxWidth * pxPerColumn;
  let count = Math.ceil((frame.along - overlap) / (length - overlap));
  if (count > opts.maxChunks) {
    count = opts.maxChunks;
    length = (frame.along + (count - 1) * overlap) / count;
  }
  const step = (frame.along - length) / (count - 1);
  const cos = Math.cos(frame.angle);
  const sin = Math.sin(frame.angle);
  const pieces: RecPiece[] = [];
  for (let i = 0; i < count; i++) {
    const offset = i * step;
    const mid = offset + length / 2 - frame.along / 2;
    pieces.push({
      line,
      frame: { ...frame, cx: frame.cx + mid * cos, cy: frame.cy + mid * sin, along: length },
      width: opts.maxWidth,
      offset,
      // Cut in the middle of each overlap.
      keepFrom: i === 0 ? -Infinity : offset + (length - step) / 2,
      keepTo: i === count - 1 ? Infinity : offset + step + (length - step) / 2,
    });
  }
  return pieces;
}

/**
 * Rows for the recogniser, narrowest first. A piece at least `minWidth` wide is a row of its own; narrower
 * ones, widest first, fill rows of `minWidth` columns (first fit), each starting on a step boundary after `gap`
 * columns of padding, so the columns that would have been padding read other lines.
 */
export function packRows(pieces: readonly RecPiece[], opts: RecognitionOptions): RecRow[] {
  const rows: RecRow[] = [];
  const open: Array<RecRow & { end: number }> = [];
  for (const piece of [...pieces].sort((a, b) => b.width - a.width)) {
    if (opts.gap <= 0 || piece.width >= opts.minWidth) {
      rows.push({ pieces: [{ piece, x: 0 }], width: piece.width });
      continue;
    }
    const fits = open.find((r) => r.end + piece.width <= opts.minWidth);
    if (fits) {
      fits.pieces.push({ piece, x: fits.end });
      fits.width = fits.end + piece.width;
      fits.end = Math.ceil((fits.width + opts.gap) / STEP) * STEP;
    } else {
      open.push({ pieces: [{ piece, x: 0 }], width: piece.width, end: Math.ceil((piece.width + opts.gap) / STEP) * STEP });
    }
  }
  // Stable: pieces of one width keep the order they came in.
  return [...rows, ...open.map(({ pieces: p, width }) => ({ pieces: p, width }))].sort((a, b) => a.width - b.width);
}

/** One character read from a piece, placed along its line (raster pixels). */
export interface PlacedChar {
  char: string;
  score: number;
  from: number;
  to: number;
}

/** A line's characters from its pieces, in reading order: each piece keeps what lies in its own part. */
export function mergePieces(parts: ReadonlyArray<{ piece: RecPiece; chars: PlacedChar[] }>): PlacedChar[] {
  return [...parts]
    .sort((a, b) => a.piece.offset - b.piece.offset)
    .flatMap(({ piece, chars }) =>
      chars.filter((c) => {
        const centre = (c.from + c.to) / 2;
        return centre >= piece.keepFrom && centre < piece.keepTo;
      }),
    );
}
