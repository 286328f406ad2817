/** An image stored in another listing whose perceptual hash is near the one looked up. */
export interface PhashNeighbour {
  listingId: string;
  sellerId: string;
  imagePosition: number;
  /** 16 hex digits (64-bit DCT pHash). */
  phash: string;
  /** Hamming distance to the looked-up hash, 0..64. */
  distance: number;
}

/**
 * Finds stored images with a perceptual hash within `maxDistance` bits, excluding one seller's own
 * images. Implementations must use an index, not scan every row (the service's lives in PostgreSQL).
 * Results are ordered by distance, nearest first.
 */
export interface PhashIndex {
  findNear(phash: string, maxDistance: number, excludeSellerId: string): Promise<PhashNeighbour[]>;
}

/**
 * Hamming threshold for "the same photo", measured by `npm run eval:ai` (bench/ai/phash-threshold.ts) on
 * the 37 images of ../shared/corpus (products + provenance), each as a viewer sees it (rotation applied,
 * transparency on white). Edited copies, 90th percentile / max bits from the original: JPEG q50 4/12,
 * WebP 2/10, resize 25–150 % ≤ 2/8, 5 % crop 10/10, brightness ±10 % ≤ 4/18, text overlay 8/14, 10 % crop
 * 16/20, 3 % white border 14/30. Distinct images: nearest pair 16 bits apart, none of 666 pairs ≤ 14.
 * 12 keeps re-encodes, resizes, small crops and overlays and stays 4 bits under the nearest distinct
 * pair; heavier crops and borders are missed (pHash is not crop-invariant).
 */
export const REUSE_MAX_DISTANCE = 12;
