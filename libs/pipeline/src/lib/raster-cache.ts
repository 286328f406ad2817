import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { ImageError } from './image-error';

/** An image's pixels as stored in the file (no auto-orientation: watermarks live in the stored grid). */
export interface Raster {
  width: number;
  height: number;
  /** 4 when the image has alpha, else 3. */
  channels: 3 | 4;
  data: Buffer;
  /** EXIF orientation (1–8) a viewer applies; see orientRaster(). */
  orientation: number;
}

export interface RasterCacheOptions {
  /** Images with more pixels are refused (the scan's decoder refuses them earlier). */
  maxPixels: number;
  /** Decoded bytes kept at once across every scan of the process; older rasters are dropped first. */
  budgetBytes: number;
}

/**
 * Decodes each image once and shares the raster between the detectors that need pixels (QR reading, the
 * AI pixel statistics), keyed by the image's bytes object, which is one per image per scan. Memory is
 * bounded whatever a listing holds: decodes run one at a time, and the cache keeps at most budgetBytes
 * (an evicted raster is decoded again if asked for again; a raster bigger than the budget is never kept).
 */
export class RasterCache {
  private readonly kept: LRUCache<Buffer, Raster>;
  private readonly pending = new Map<Buffer, Promise<Raster>>();
  private readonly oneAtATime = pLimit(1);
  /** Full decodes done so far (tests and benchmarks read it). */
  decodes = 0;

  constructor(private readonly options: RasterCacheOptions) {
    this.kept = new LRUCache<Buffer, Raster>({ maxSize: options.budgetBytes, sizeCalculation: (r) => r.data.length || 1 });
  }

  get(bytes: Buffer): Promise<Raster> {
    const kept = this.kept.get(bytes);
    if (kept) return Promise.resolve(kept);
    let pending = this.pending.get(bytes);
    if (!pending) {
      pending = this.oneAtATime(() => this.decode(bytes)).finally(() => this.pending.delete(bytes));
      this.pending.set(bytes, pending);
    }
    return pending;
  }

  private async decode(bytes: Buffer): Promise<Raster> {
    this.decodes++;
    try {
      const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
      let pipeline = sharp(bytes, { limitInputPixels: this.options.maxPixels }).toColourspace('srgb');
      pipeline = meta.hasAlpha ? pipeline.ensureAlpha() : pipeline.removeAlpha();
      const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
      const raster: Raster = { width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3, data, orientation: meta.orientation ?? 1 };
      if (data.length <= this.options.budgetBytes) this.kept.set(bytes, raster);
      return raster;
    } catch (err) {
      throw new ImageError('image.unreadable', `cannot decode image: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** Width and height as a viewer shows the raster (orientations 5–8 turn it a quarter). */
export function orientedSize(raster: Raster): { width: number; height: number } {
  return raster.orientation >= 5 ? { width: raster.height, height: raster.width } : { width: raster.width, height: raster.height };
}

/**
 * A sharp pipeline over the raster, turned as a viewer shows it. Raw input carries no EXIF, so the
 * orientation is applied by hand (checked against sharp's autoOrient for all eight in the spec). sharp
 * mirrors before it rotates, whatever the call order.
 */
export function orientRaster(raster: Raster): sharp.Sharp {
  const image = sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } });
  switch (raster.orientation) {
    case 2: return image.flop();
    case 3: return image.rotate(180);
    case 4: return image.flip();
    case 5: return image.rotate(90).flip();
    case 6: return image.rotate(90);
    case 7: return image.rotate(90).flop();
    case 8: return image.rotate(270);
    default: return image;
  }
}
