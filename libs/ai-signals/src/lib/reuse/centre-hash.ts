import sharp from 'sharp';
import { hammingDistanceHex, phashFromGrey32 } from '@listinglens/pipeline';

/**
 * A second hash for crops: the pHash of the image's central region (half its width and height). A crop
 * moves the frame's edges, which the whole-image pHash sees (10 % crop: p90 16 bits, over the threshold);
 * the centre survives it, only slightly zoomed. The zoom is undone by probing: the looked-up image is hashed
 * at several centre sizes (as if it were cropped by up to 20 %, or were the uncropped original of a crop),
 * each also mirrored, and the nearest probe counts. Measured by `npm run eval:ai` (recall per edit, false matches on distinct
 * photos); not yet stored in the PostgreSQL index (that needs a column and a migration).
 */
export const CENTRE_FRACTION = 0.5;
/** Relative centre sizes probed on lookup: 1 = same framing; 1/0.8 = the query is a 20 % crop. */
export const CENTRE_PROBES = [0.8, 0.9, 0.95, 1, 1 / 0.95, 1 / 0.9, 1 / 0.8] as const;

async function regionHash(grey: { data: Buffer; width: number; height: number }, fraction: number, mirror = false): Promise<string> {
  const w = Math.max(8, Math.round(grey.width * Math.min(1, fraction)));
  const h = Math.max(8, Math.round(grey.height * Math.min(1, fraction)));
  const region = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
    .extract({ left: Math.floor((grey.width - w) / 2), top: Math.floor((grey.height - h) / 2), width: w, height: h })
    .flop(mirror)
    .resize(32, 32, { fit: 'fill' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return phashFromGrey32(region);
}

/** Decoded once, at most 512 px on a side (the 32×32 hash needs no more), as the pipeline's pHash sees it. */
async function grey(bytes: Buffer) {
  const { data, info } = await sharp(bytes).autoOrient().flatten({ background: '#ffffff' }).greyscale().resize(512, 512, { fit: 'inside', withoutEnlargement: true }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** What is stored: the centre hash at the standard size. */
export async function centreHash(bytes: Buffer): Promise<string> {
  return regionHash(await grey(bytes), CENTRE_FRACTION);
}

/** What a lookup compares: one hash per probed centre size, as is and mirrored (resellers flip photos). */
export async function centreProbeHashes(bytes: Buffer): Promise<string[]> {
  const g = await grey(bytes);
  return Promise.all([false, true].flatMap((mirror) => CENTRE_PROBES.map((p) => regionHash(g, CENTRE_FRACTION * p, mirror))));
}

export function centreDistance(stored: string, probes: readonly string[]): number {
  return Math.min(...probes.map((p) => hammingDistanceHex(stored, p)));
}
