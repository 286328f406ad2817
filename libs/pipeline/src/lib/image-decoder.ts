import sharp from 'sharp';
import { type DihedralVariant, PDQ_MAX_SIDE, type PdqDihedralResult, type PdqPixels, pdqDihedral } from '@listinglens/pdq';
import { compiledEntry } from './compiled-entry';
import type { CpuPool, CpuTask } from './cpu-pool';
import { ImageError } from './image-error';
import { phashFromGrey32 } from './perceptual-hash';

export interface DecodedInfo {
  width: number;
  height: number;
  phash: string;
  /** PDQ (256 bits, 64 lowercase hex digits) of the image as a viewer sees it. */
  pdq: string;
  /** PDQ's quality, 0–100 (the reference calls ≤ 49 too featureless to match). */
  pdqQuality: number;
  /** The PDQ hash of each rotation and flip of the image (from the same DCT): what a hash list is matched with. */
  pdqVariants: Record<DihedralVariant, string>;
}

/** The one place the pipeline decodes pixels; tests of other parts can replace it. */
export interface ImageDecoder {
  inspect(bytes: Buffer): Promise<DecodedInfo>;
}

/** Computes PDQ and its dihedral variants of decoded pixels (inline, or in the scan's worker threads). */
export type PdqHasher = (pixels: PdqPixels) => Promise<PdqDihedralResult>;

export const inlinePdq: PdqHasher = async (pixels) => pdqDihedral(pixels);

const PDQ_TASK: CpuTask = { file: compiledEntry(typeof __dirname === 'string' ? __dirname : undefined, 'libs/pipeline/src/lib', 'pdq.task.js'), name: 'pdq' };

/** PDQ in the CPU pool, stopped (image.time_budget_exceeded) after `budgetMs`. */
export function threadedPdq(cpu: CpuPool, budgetMs: number): PdqHasher {
  // The decode (≤ 1024 a side, ≤ 3 MB) is copied to the thread: the pHash thumbnail is made from it too.
  return (pixels) => cpu.run(PDQ_TASK, pixels, { deadline: Date.now() + budgetMs });
}

export interface SharpDecoderOptions {
  /** Images with more pixels than this are refused before any pixel is decoded. */
  maxPixels: number;
  /** Where PDQ is computed; inline by default (the scanner passes its CPU pool's). */
  pdq?: PdqHasher;
}

export class SharpImageDecoder implements ImageDecoder {
  constructor(private readonly options: SharpDecoderOptions) {}

  async inspect(bytes: Buffer): Promise<DecodedInfo> {
    const { maxPixels } = this.options;
    let width: number;
    let height: number;
    try {
      // metadata() reads headers only, so a 20000×20000 bomb is refused without being decoded.
      const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
      width = meta.autoOrient?.width ?? meta.width ?? 0;
      height = meta.autoOrient?.height ?? meta.height ?? 0;
    } catch (err) {
      throw new ImageError('image.unreadable', `cannot read image header: ${messageOf(err)}`);
    }
    if (!width || !height) throw new ImageError('image.unreadable', 'image has no dimensions');
    if (width * height > maxPixels) {
      throw new ImageError(
        'image.too_large',
        `${width}×${height} is ${width * height} pixels, over the limit of ${maxPixels}`,
      );
    }
    let pixels: PdqPixels;
    let phash: string;
    try {
      // Decoding the whole image is what proves it is readable: a truncated JPEG has a fine header and
      // fails here ('error' also fails on truncation). One decode, at most PDQ_MAX_SIDE a side (JPEGs
      // shrink on load), serves both hashes: PDQ from it, the pHash from its 32×32 grey thumbnail.
      const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' })
        .autoOrient()
        // Transparent pixels hide arbitrary colours; flatten so the hashes see what a viewer sees.
        .flatten({ background: '#ffffff' })
        .resize(PDQ_MAX_SIDE, PDQ_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const channels = info.channels as 3;
      pixels = { width: info.width, height: info.height, channels, data };
      const grey = await sharp(data, { raw: { width: info.width, height: info.height, channels } })
        .greyscale()
        .resize(32, 32, { fit: 'fill' })
        .raw()
        .toBuffer();
      phash = phashFromGrey32(grey);
    } catch (err) {
      throw new ImageError('image.unreadable', `cannot decode image: ${messageOf(err)}`);
    }
    const pdq = await (this.options.pdq ?? inlinePdq)(pixels).catch((err: unknown) => {
      // Past its budget the pool's ImageError says so; a thread that died is this image's error too.
      throw err instanceof ImageError ? err : new ImageError('image.detector_failed', `PDQ hashing failed: ${messageOf(err)}`);
    });
    return { width, height, phash, pdq: pdq.hashes.original, pdqQuality: pdq.quality, pdqVariants: pdq.hashes };
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
