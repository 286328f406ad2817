import type { Box } from '@listinglens/contracts';
import sharp from 'sharp';
import { findColourPanels, panelPixels } from './colour-panels';
import type { PreprocessOptions } from './ocr-options';
import { planTiles, type TilePlan } from './tile-plan';

export interface PreparedImage {
  plan: TilePlan;
  /** One encoded image per tile, in plan order. */
  tiles: Buffer[];
  /** Panels of saturated colour to read again on their own (box in scaled pixels), when enabled. */
  panels: Array<{ box: Box; image: Buffer }>;
}

/**
 * Turns image bytes into what the OCR engine reads: oriented by EXIF (boxes are reported in the same
 * oriented frame as AnalyzedImage.width/height), greyscale with stretched contrast, scaled by the plan,
 * cut into bands. sharp works on libuv's thread pool, so this does not block the event loop either.
 */
export async function prepareForOcr(bytes: Buffer, opts: PreprocessOptions): Promise<PreparedImage> {
  const oriented = sharp(bytes, { limitInputPixels: false }).autoOrient();
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) throw new Error('image has no dimensions');

  const plan = planTiles(width, height, opts);
  // Flatten transparency onto white: text drawn on a transparent PNG is otherwise black on black.
  let pipeline = oriented.flatten({ background: '#ffffff' });
  if (opts.normalise) pipeline = pipeline.greyscale().normalise();
  if (plan.width !== width || plan.height !== height) {
    pipeline = pipeline.resize(plan.width, plan.height, { fit: 'fill', kernel: 'lanczos3' });
  }
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });

  const tiles = await Promise.all(
    plan.tiles.map((tile) =>
      sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
        .extract({ left: 0, top: tile.top, width: info.width, height: Math.min(tile.height, info.height - tile.top) })
        // Fast, light compression: the PNG is decoded again a moment later inside the worker.
        .png({ compressionLevel: 1 })
        .toBuffer(),
    ),
  );
  const panels = opts.colourPanels
    ? await Promise.all(
        findColourPanels({ data, width: info.width, height: info.height, channels: info.channels }).map(async (box) => {
          const grey = panelPixels({ data, width: info.width, height: info.height, channels: info.channels }, box);
          const image = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer();
          return { box, image };
        }),
      )
    : [];
  return { plan, tiles, panels };
}
