import { frameBounds, frameOfRect, LEVEL_TILT, minAreaFrame, type TextFrame } from './text-frame';

/** A text region found by the detector, in the detector's input pixels: its (possibly rotated) frame and
 * the axis-aligned box around it, clipped to the input. */
export interface DetectedRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  frame: TextFrame;
  /** Mean text probability over the region's pixels. */
  score: number;
}

export interface DbPostprocessOptions {
  /** Pixels at or above this probability are text (PaddleOCR det_db_thresh: 0.3). */
  threshold: number;
  /** Regions whose mean probability is below this are dropped (det_db_box_thresh: 0.6). */
  boxThreshold: number;
  /** How far the shrunk text kernel is grown back (det_db_unclip_ratio: 1.5). */
  unclipRatio: number;
  /** Regions with a shorter side than this are noise (PaddleOCR min_size: 3). */
  minSide: number;
  /** At most this many regions, largest first (max_candidates: 1000). */
  maxRegions: number;
}

export const DB_DEFAULTS: DbPostprocessOptions = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSide: 3,
  maxRegions: 1000,
};

/**
 * DB (differentiable binarisation) post-processing: the detector outputs, per pixel, the probability
 * that it belongs to a shrunk text kernel. Threshold it, take each 8-connected component, score it by
 * its mean probability, fit the smallest rectangle around it (rotated, as PaddleOCR does, so a slanted
 * line is cropped along its slant; within LEVEL_TILT of level, the axis-aligned box), and grow it back by
 * the DB unclip distance (area × ratio / perimeter).
 */
/** A tilted rectangle is used only when its area is at most this share of the level box's. */
const TIGHTER = 0.85;

export function dbRegions(prob: Float32Array, width: number, height: number, opts: DbPostprocessOptions = DB_DEFAULTS): DetectedRegion[] {
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  // Each row's first and last column of the component being filled; reset through `rowsSeen`.
  const rowFirst = new Int32Array(height).fill(-1);
  const rowLast = new Int32Array(height);
  const rowsSeen: number[] = [];
  const regions: DetectedRegion[] = [];
  let next = 0;
  for (let start = 0; start < prob.length; start++) {
    if (label[start] !== 0 || prob[start] < opts.threshold) continue;
    next++;
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    let x0 = width, y0 = height, x1 = -1, y1 = -1, sum = 0, count = 0;
    while (top > 0) {
      const p = stack[--top];
      const px = p % width;
      const py = (p - px) / width;
      sum += prob[p];
      count++;
      if (px < x0) x0 = px;
      if (px > x1) x1 = px;
      if (py < y0) y0 = py;
      if (py > y1) y1 = py;
      if (rowFirst[py] < 0) {
        rowFirst[py] = px;
        rowLast[py] = px;
        rowsSeen.push(py);
      } else {
        if (px < rowFirst[py]) rowFirst[py] = px;
        if (px > rowLast[py]) rowLast[py] = px;
      }
      for (let dy = -1; dy <= 1; dy++) {
        const ny = py + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (label[q] === 0 && prob[q] >= opts.threshold) {
            label[q] = next;
            stack[top++] = q;
          }
        }
      }
    }
    const rows = rowsSeen.map((y): [number, number, number] => [y, rowFirst[y], rowLast[y]]);
    for (const y of rowsSeen) rowFirst[y] = -1;
    rowsSeen.length = 0;
    const score = sum / count;
    if (score < opts.boxThreshold) continue;
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const fitted = minAreaFrame(rows);
    // Slanted only when the slant matters: a line whose tilted rectangle is clearly tighter than its
    // box. A blob of a word (a price with raised cents) fits a tilted rectangle about as well as a level one.
    const level = Math.abs(fitted.angle) < LEVEL_TILT || fitted.along * fitted.across > TIGHTER * w * h;
    const frame = level ? frameOfRect({ x: x0, y: y0, width: w, height: h }) : fitted;
    if (Math.min(frame.along, frame.across) < opts.minSide) continue;
    const d = (frame.along * frame.across * opts.unclipRatio) / (2 * (frame.along + frame.across));
    const grown = { ...frame, along: frame.along + 2 * d, across: frame.across + 2 * d };
    const box = frameBounds(grown, width, height);
    // A level frame is clipped to the input like its box; a slanted one keeps its shape (the crop
    // repeats edge pixels where it leaves the image).
    const kept = level ? frameOfRect(box) : grown;
    if (Math.min(kept.along, kept.across) < opts.minSide + 2) continue;
    regions.push({ ...box, frame: kept, score });
  }
  regions.sort((a, b) => b.width * b.height - a.width * a.height);
  return regions.slice(0, opts.maxRegions);
}
