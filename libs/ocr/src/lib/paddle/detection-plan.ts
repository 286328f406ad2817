import type { Rect } from './raster';

/** One detector pass: a part of the raster, the size it is resized to, and the part it is trusted for. */
export interface DetectionTile {
  rect: Rect;
  /** Detector input size (multiples of 32, as the DB network needs). */
  inputWidth: number;
  inputHeight: number;
  /** A region belongs to this tile when its vertical centre lies in [ownFrom, ownTo). */
  ownFrom: number;
  ownTo: number;
}

export interface DetectionPlanOptions {
  /** Longest detector input side (PaddleOCR det_limit_side_len; bench:ocr measured 960/1280/1600). */
  limitSide: number;
  /** Images taller than this many times their width are cut into tiles. */
  tileAspect: number;
  /** Upscale cap for small images and thin strips. */
  maxUpscale: number;
  /** Overlap between tiles, in detector pixels: more than twice the tallest line, so a line cut by one
   * tile's edge is whole in its neighbour, which owns its centre. */
  overlap: number;
  /** Bound on detector passes per image whatever its shape (a 1×10,000,000 strip would be 20,000). */
  maxTiles: number;
}

export const DETECTION_PLAN_DEFAULTS: DetectionPlanOptions = {
  limitSide: 960,
  tileAspect: 2.5,
  maxUpscale: 2,
  overlap: 160,
  maxTiles: 40,
};

/**
 * Where the detector looks. An ordinary photo is one pass with its long side scaled to `limitSide`
 * (PaddleOCR's 'max' limit, but also upscaling small images up to `maxUpscale`). A tall page (750 ×
 * 12000) is scaled so its width fits `limitSide` and cut into overlapping square-ish tiles from top to
 * bottom, so text keeps its size instead of shrinking to a few pixels.
 */
export function planDetection(width: number, height: number, opts: DetectionPlanOptions = DETECTION_PLAN_DEFAULTS): DetectionTile[] {
  if (height <= width * opts.tileAspect) {
    // Wide images are never cut: their lines run along the cut and would be read in pieces. A banner
    // wider than `tileAspect`:1 may use up to `tileAspect` × limitSide on its long side instead.
    const limit = width > height * opts.tileAspect ? opts.limitSide * opts.tileAspect : opts.limitSide;
    const scale = Math.min(limit / Math.max(width, height), opts.maxUpscale);
    return [tile({ x: 0, y: 0, width, height }, scale, -Infinity, Infinity)];
  }
  let scale = Math.min(opts.limitSide / width, opts.maxUpscale);
  // Tile length and overlap in raster pixels; shrink the scale until the tile count fits the bound.
  const count = (s: number) => Math.ceil((height * s - opts.overlap) / (opts.limitSide - opts.overlap));
  while (count(scale) > opts.maxTiles) scale *= 0.8;
  const step = (opts.limitSide - opts.overlap) / scale;
  const length = opts.limitSide / scale;
  const half = opts.overlap / scale / 2;
  const tiles: DetectionTile[] = [];
  for (let start = 0; ; start += step) {
    // The last tile is pulled back to end at the bottom edge.
    const from = Math.min(Math.round(start), Math.max(0, height - Math.round(length)));
    const to = Math.min(height, Math.round(from + length));
    const last = to >= height;
    // Each tile owns from where the previous one's ownership ends to half the overlap before its end.
    const ownFrom = tiles.length === 0 ? -Infinity : tiles[tiles.length - 1].ownTo;
    tiles.push(tile({ x: 0, y: from, width, height: to - from }, scale, ownFrom, last ? Infinity : to - half));
    if (last) break;
  }
  return tiles;
}

function tile(rect: Rect, scale: number, ownFrom: number, ownTo: number): DetectionTile {
  const to32 = (v: number) => Math.max(32, Math.round((v * scale) / 32) * 32);
  return { rect, inputWidth: to32(rect.width), inputHeight: to32(rect.height), ownFrom, ownTo };
}
