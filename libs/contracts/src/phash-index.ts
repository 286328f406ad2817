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
 * images. Implementations must use an index, not scan every row (the service's lives in PostgreSQL,
 * libs/data-access; the detector is in libs/ai-signals). Results are ordered nearest first.
 */
export interface PhashIndex {
  findNear(phash: string, maxDistance: number, excludeSellerId: string): Promise<PhashNeighbour[]>;
}
