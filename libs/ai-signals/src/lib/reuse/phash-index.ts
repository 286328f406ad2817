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
 * ../shared/corpus: re-encodes (JPEG q50–95, WebP), resizes (50 %, 25 %, 150 %), 5 % crops, brightness
 * ±10 %, a text overlay and a small border were at most 8 bits from their originals' hashes (the 10 % crop reached 10); the closest
 * two different corpus images were 18 bits apart. 10 keeps re-encodes, resizes and small crops and stays
 * well under the nearest distinct pair.
 */
export const REUSE_MAX_DISTANCE = 10;
