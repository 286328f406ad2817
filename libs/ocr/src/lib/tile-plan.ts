import type { PreprocessOptions } from './ocr-options';

/** One horizontal band of the scaled image, and the part of it whose words it is trusted for. */
export interface Tile {
  top: number;
  height: number;
  /** Words whose vertical centre falls in [ownTop, ownBottom) are kept from this tile (scaled px). */
  ownTop: number;
  ownBottom: number;
}

export interface TilePlan {
  /** Scaled size / original size (same factor for both axes). */
  scale: number;
  width: number;
  height: number;
  tiles: Tile[];
}

/**
 * Decides how an image of `width`×`height` (auto-oriented) is sent to OCR: the scale (upscale small
 * images, downscale to the pixel cap) and, for tall pages, overlapping bands. Pure, so it is tested
 * without pixels.
 */
export function planTiles(width: number, height: number, opts: PreprocessOptions): TilePlan {
  const tall = height > opts.tileAspect * width;
  // For a tall page the width is what sets the text size; for anything else, the long side.
  const reference = tall ? width : Math.max(width, height);
  let scale = reference < opts.upscaleToLongSide ? Math.min(opts.maxUpscale, opts.upscaleToLongSide / reference) : 1;
  scale = Math.min(scale, Math.sqrt(opts.maxOcrPixels / (width * height)));
  // Overlaps cost pixels too: shrink until the tiles actually sent fit under the cap.
  for (let attempt = 0; attempt < 8; attempt++) {
    const plan = layout(width, height, scale, opts);
    const pixels = plan.tiles.reduce((sum, t) => sum + t.height * plan.width, 0);
    if (pixels <= opts.maxOcrPixels) return plan;
    scale *= Math.sqrt(opts.maxOcrPixels / pixels) * 0.995;
  }
  return layout(width, height, scale, opts);
}

function layout(width: number, height: number, scale: number, opts: PreprocessOptions): TilePlan {
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  if (!(h > opts.tileAspect * w)) {
    return { scale, width: w, height: h, tiles: [{ top: 0, height: h, ownTop: 0, ownBottom: h }] };
  }

  const band = Math.max(Math.round(opts.tileHeightRatio * w), 3 * opts.tileOverlap);
  const step = band - opts.tileOverlap;
  const tops: number[] = [];
  for (let top = 0; top + band < h; top += step) tops.push(top);
  tops.push(h - band);

  const tiles = tops.map((top, i): Tile => {
    const prevBottom = i > 0 ? tops[i - 1] + band : 0;
    const nextTop = i < tops.length - 1 ? tops[i + 1] : h;
    return {
      top,
      height: band,
      // Each overlap is split at its middle: a line cut by one band's edge is whole in the other band,
      // and its centre is on the whole band's side of the middle.
      ownTop: i === 0 ? 0 : Math.round((top + prevBottom) / 2),
      ownBottom: i === tops.length - 1 ? h : Math.round((nextTop + top + band) / 2),
    };
  });
  return { scale, width: w, height: h, tiles };
}
