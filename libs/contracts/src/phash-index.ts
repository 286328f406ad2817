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
  /** `askingListingId`: the listing that looks (the CLI's index shows it only the listings before it in its
   * input file; the service's shows every stored one and ignores it). */
  findNear(phash: string, maxDistance: number, excludeSellerId: string, askingListingId?: string): Promise<PhashNeighbour[]>;
  /**
   * Makes an image visible to other lookups before this scan looks itself (then committed, not at the
   * end of the scan). Publish-then-look is what makes two concurrent scans of the same photo race-free:
   * whichever looks second sees the other's hashes (pHash and centre hash, written together). Indexes without it only see finished scans.
   */
  publish?(entry: PublishedPhash): Promise<void>;
  /**
   * Stored images whose centre hash, as is or mirrored (libs/ai-signals centre-hash.ts), is within
   * `maxDistance` bits of any of the probes; `distance` is to the nearest probe over both stored hashes and
   * `phash` is that stored hash. Catches 10–20 %
   * crops and mirrored copies, which the whole-image pHash misses. Index-backed like findNear; indexes
   * without it look up by pHash only.
   */
  findNearCentre?(probes: readonly string[], maxDistance: number, excludeSellerId: string, askingListingId?: string): Promise<PhashNeighbour[]>;
}

/** The image a running scan publishes: which scan, listing, seller and position it belongs to. */
export interface PublishedPhash {
  scanId?: string;
  listingId: string;
  sellerId: string;
  imagePosition: number;
  phash: string;
  /** The centre hash (16 hex digits), published with the pHash in the same write. */
  centreHash?: string;
  /** The centre hash of the mirrored image, published with them: lookups probe as is only and find
   * mirrored copies through it. */
  centreMirroredHash?: string;
}
