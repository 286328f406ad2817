import type { Finding } from '@listinglens/contracts';
import type { Detector, DetectorContext } from '@listinglens/pipeline';
import { REUSE_MAX_DISTANCE, type PhashIndex, type PhashNeighbour } from '../reuse/phash-index';

export interface ImageReusedOptions {
  index: PhashIndex;
  maxDistance?: number;
  /** Other listings named in one finding's evidence. */
  maxListings?: number;
}

/**
 * `image.reused`: the same or a near-same photo is in another seller's listing. A seller reusing their
 * own photo is not a finding. Needs a listing id: the service's stored id, or the CLI's per-input-line id.
 */
export class ImageReusedDetector implements Detector {
  readonly id = 'image.reused';
  readonly version = 1;
  private readonly maxDistance: number;
  private readonly maxListings: number;

  constructor(private readonly options: ImageReusedOptions) {
    this.maxDistance = options.maxDistance ?? REUSE_MAX_DISTANCE;
    this.maxListings = options.maxListings ?? 5;
  }

  async detect(ctx: DetectorContext): Promise<Finding[]> {
    const { listingId, sellerId, scanId } = ctx.listing;
    if (!listingId) return [];
    // Publish before looking: of two scans of one photo running at once, the one that looks second
    // then sees the first (looking first and storing at the end let both miss each other).
    if (this.options.index.publish) {
      for (const image of ctx.images) {
        await this.options.index.publish({ scanId, listingId, sellerId, imagePosition: image.position, phash: image.phash });
      }
    }
    const findings: Finding[] = [];
    for (const image of ctx.images) {
      const near = await this.options.index.findNear(image.phash, this.maxDistance, sellerId);
      const others = nearestPerListing(near.filter((n) => n.listingId !== listingId && n.sellerId !== sellerId));
      if (others.length === 0) continue;
      const closest = others[0].distance;
      findings.push({
        code: 'image.reused',
        severity: closest <= 4 ? 'medium' : 'low',
        // 0 bits apart is almost surely the same photo; confidence falls to 0.6 at the threshold.
        confidence: Math.round((1 - (0.4 * closest) / Math.max(this.maxDistance, 1)) * 100) / 100,
        imagePosition: image.position,
        evidence: {
          summary:
            `This image is ${closest === 0 ? 'identical to' : 'a near copy of'} an image in ` +
            `${others.length === 1 ? 'another seller’s listing' : `${others.length} other sellers’ listings`}.`,
          phash: image.phash,
          maxDistance: this.maxDistance,
          matches: others.slice(0, this.maxListings).map((n) => ({
            listingId: n.listingId,
            sellerId: n.sellerId,
            imagePosition: n.imagePosition,
            phash: n.phash,
            distance: n.distance,
          })),
          totalListings: others.length,
        },
        ruleId: 'image.reused.phash',
        ruleVersion: this.version,
      });
    }
    return findings;
  }
}

function nearestPerListing(neighbours: PhashNeighbour[]): PhashNeighbour[] {
  const best = new Map<string, PhashNeighbour>();
  for (const n of neighbours) {
    const current = best.get(n.listingId);
    if (!current || n.distance < current.distance) best.set(n.listingId, n);
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance);
}
