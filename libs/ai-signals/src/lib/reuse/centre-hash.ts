import sharp from 'sharp';
import { hammingDistanceHex, ImageError, phashFromGrey32 } from '@listinglens/pipeline';

/**
 * A second hash for crops: the pHash of the image's central region (half its width and height). A crop
 * moves the frame's edges, which the whole-image pHash sees (10 % crop: p90 16 bits, over the threshold);
 * the centre survives it, only slightly zoomed. The zoom is undone by probing: the looked-up image is hashed
 * at several centre sizes (as if it were cropped by up to 20 %, or were the uncropped original of a crop),
 * and the nearest probe counts. Mirrored copies (resellers flip photos) are found because the centre is
 * stored twice, as is and mirrored, and the probes are compared with both. Measured by `npm run eval:ai`
 * (recall per edit, false matches on distinct photos); stored in the reuse index beside the pHash
 * (PostgreSQL: "listing_image_centre_hashes", both orientations in one set of band indexes, looked up
 * probe by probe like the pHash; the CLI: InMemoryPhashIndex).
 */
export const CENTRE_FRACTION = 0.5;
/** Relative centre sizes probed on lookup: 1 = same framing; 1/0.8 = the query is a 20 % crop. */
export const CENTRE_PROBES = [0.8, 0.9, 0.95, 1, 1 / 0.95, 1 / 0.9, 1 / 0.8] as const;
/**
 * Hamming threshold for the centre hash over its probes: on the 37 corpus photos, crop 10 % 37/37 and
 * mirror 37/37 at ≤ 10 bits; the nearest distinct pair is 12 bits (2 bits of margin, provisional).
 */
export const CENTRE_MAX_DISTANCE = 10;
/** The grey the centre hash is taken from is at most this many pixels on a side (the 32×32 hash needs no more). */
export const CENTRE_GREY_SIDE = 512;

/** The image as a viewer sees it (orientation applied, transparency on white), greyscale, one byte a pixel. */
export interface ViewerGrey {
  data: Buffer;
  width: number;
  height: number;
}

/** Where the grey comes from: the scanner hands in the scan's shared raster; alone, the bytes are decoded. */
export interface GreySource {
  grey(bytes: Buffer): Promise<ViewerGrey>;
}

/** The stored hashes (as is and mirrored) and the lookup probes of one image. */
export interface CentreHashes {
  centre: string;
  mirrored: string;
  probes: string[];
}

async function regionHash(grey: ViewerGrey, fraction: number, mirror = false): Promise<string> {
  // At least 8 px a side where the image has them, never more than it has: a 3 × 180,000 strip shrinks
  // to a 1 × 512 grey, and an 8 px region of it would start at x = -4 (sharp.extract threw).
  const side = (length: number) => Math.min(length, Math.max(8, Math.round(length * Math.min(1, fraction))));
  const w = side(grey.width);
  const h = side(grey.height);
  const region = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
    .extract({ left: Math.floor((grey.width - w) / 2), top: Math.floor((grey.height - h) / 2), width: w, height: h })
    .flop(mirror)
    .resize(32, 32, { fit: 'fill' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return phashFromGrey32(region);
}

/** Brings a decoded (already oriented and flattened) grey down to CENTRE_GREY_SIDE, as viewerGrey() does. */
export function shrinkGrey(image: sharp.Sharp): Promise<ViewerGrey> {
  return image
    .resize(CENTRE_GREY_SIDE, CENTRE_GREY_SIDE, { fit: 'inside', withoutEnlargement: true })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true })
    .then(({ data, info }) => ({ data, width: info.width, height: info.height }));
}

/** Decodes the bytes to the grey the centre hash reads (the pipeline's pHash sees the image the same way). */
export function viewerGrey(bytes: Buffer): Promise<ViewerGrey> {
  return shrinkGrey(sharp(bytes).autoOrient().flatten({ background: '#ffffff' }).greyscale());
}

/** Decodes the bytes again (the scanner passes the shared raster instead; this is for callers without one). */
export const sharpGreySource: GreySource = {
  grey: (bytes) =>
    viewerGrey(bytes).catch((err: unknown) => {
      throw new ImageError('image.unreadable', `cannot decode image: ${err instanceof Error ? err.message : String(err)}`);
    }),
};

/** What is stored (the centre at the standard size, as is and mirrored) and what a lookup compares: one
 * hash per probed centre size, as is. Comparing the probes with both stored orientations stands for the
 * earlier 14 probes (each size as is and mirrored) against the as-is hash: a probe against the stored
 * mirrored hash compares the same two pictures, one of them flipped, as the mirrored probe against the
 * stored hash (the bits differ slightly; the corpus recall and false matches came out the same). */
export async function centreHashesOf(grey: ViewerGrey): Promise<CentreHashes> {
  const [probes, mirrored] = await Promise.all([Promise.all(CENTRE_PROBES.map((p) => regionHash(grey, CENTRE_FRACTION * p))), regionHash(grey, CENTRE_FRACTION, true)]);
  // The probe at size 1 is the stored as-is hash itself.
  return { centre: probes[CENTRE_PROBES.indexOf(1)], mirrored, probes };
}

/** What is stored, both rows: the centre hash as is and mirrored. */
export async function storedCentreHashes(bytes: Buffer): Promise<[string, string]> {
  const { centre, mirrored } = await centreHashesOf(await viewerGrey(bytes));
  return [centre, mirrored];
}

/** What a lookup compares (see centreHashesOf). */
export async function centreProbeHashes(bytes: Buffer): Promise<string[]> {
  return (await centreHashesOf(await viewerGrey(bytes))).probes;
}

/** The distance a lookup measures: to the nearest probe, over the stored hash or hashes (as is and mirrored). */
export function centreDistance(stored: string | readonly string[], probes: readonly string[]): number {
  const hashes = typeof stored === 'string' ? [stored] : stored;
  return Math.min(...hashes.flatMap((s) => probes.map((p) => hammingDistanceHex(s, p))));
}
