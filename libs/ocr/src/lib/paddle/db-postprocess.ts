/** A text region found by the detector, in the detector's input pixels (axis-aligned). */
export interface DetectedRegion {
  x: number;
  y: number;
  width: number;
  height: number;
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
 * its mean probability, and grow its box back by the DB unclip distance (area × ratio / perimeter).
 * PaddleOCR fits a rotated rectangle to each contour; we keep boxes axis-aligned (listing text is
 * overwhelmingly horizontal, and a reviewer's box is drawn axis-aligned anyway): a slanted line gets a
 * looser box, which the line recogniser tolerates up to roughly 10°.
 */
export function dbRegions(prob: Float32Array, width: number, height: number, opts: DbPostprocessOptions = DB_DEFAULTS): DetectedRegion[] {
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
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
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < opts.minSide) continue;
    const score = sum / count;
    if (score < opts.boxThreshold) continue;
    const d = (w * h * opts.unclipRatio) / (2 * (w + h));
    const ux0 = Math.max(0, x0 - d);
    const uy0 = Math.max(0, y0 - d);
    const ux1 = Math.min(width, x1 + 1 + d);
    const uy1 = Math.min(height, y1 + 1 + d);
    if (Math.min(ux1 - ux0, uy1 - uy0) < opts.minSide + 2) continue;
    regions.push({ x: ux0, y: uy0, width: ux1 - ux0, height: uy1 - uy0, score });
  }
  regions.sort((a, b) => b.width * b.height - a.width * a.height);
  return regions.slice(0, opts.maxRegions);
}
