import type { Finding, ReuseHash } from '@listinglens/contracts';
import { type AnalyzedImage, type Detector, type DetectorContext, ImageError } from '@listinglens/pipeline';
import { CENTRE_MAX_DISTANCE, type CentreHashes, centreHashesOf, type GreySource, sharpGreySource } from '../reuse/centre-hash';
import { REUSE_MAX_DISTANCE, type PhashIndex, type PhashNeighbour } from '../reuse/phash-index';

export interface ImageReusedOptions {
  index: PhashIndex;
  maxDistance?: number;
  /** Threshold of the centre hash over its probes; defaults to CENTRE_MAX_DISTANCE. */
  centreMaxDistance?: number;
  /** Where the centre hash's grey comes from (the scanner: the scan's shared raster); default: decode the bytes. */
  grey?: GreySource;
  /** Other listings named in one finding's evidence. */
  maxListings?: number;
}

interface Match extends PhashNeighbour {
  hash: ReuseHash;
}

/**
 * `image.reused`: the same or a near-same photo is in another seller's listing. A seller reusing their
 * own photo is not a finding. Needs a listing id: the service's stored id, or the CLI's per-input-line id.
 * Two hashes: the whole image's pHash, and (when the index has it) the centre hash, which also catches
 * 10–20 % crops and mirrored copies.
 */
export class ImageReusedDetector implements Detector {
  readonly id = 'image.reused';
  readonly version = 2;
  private readonly maxDistance: number;
  private readonly centreMaxDistance: number;
  private readonly maxListings: number;

  constructor(private readonly options: ImageReusedOptions) {
    this.maxDistance = options.maxDistance ?? REUSE_MAX_DISTANCE;
    this.centreMaxDistance = options.centreMaxDistance ?? CENTRE_MAX_DISTANCE;
    this.maxListings = options.maxListings ?? 5;
  }

  async detect(ctx: DetectorContext): Promise<Finding[]> {
    const { listingId, sellerId, scanId } = ctx.listing;
    if (!listingId) return [];
    const { index } = this.options;
    const centres = new Map<number, CentreHashes>();
    if (index.findNearCentre) {
      for (const image of ctx.images) {
        const hashes = await this.centreHashes(ctx, image);
        if (hashes) centres.set(image.position, hashes);
      }
    }
    // Publish before looking: of two scans of one photo running at once, the one that looks second
    // then sees the first (looking first and storing at the end let both miss each other). Both hashes
    // go in the one write, so the centre hashes have the same guarantee.
    if (index.publish) {
      for (const image of ctx.images) {
        const centre = centres.get(image.position);
        await index.publish({
          scanId,
          listingId,
          sellerId,
          imagePosition: image.position,
          phash: image.phash,
          ...(centre ? { centreHash: centre.centre, centreMirroredHash: centre.mirrored } : {}),
        });
      }
    }
    const findings: Finding[] = [];
    for (const image of ctx.images) {
      const probes = centres.get(image.position)?.probes;
      const near: Match[] = [
        ...(await index.findNear(image.phash, this.maxDistance, sellerId, listingId)).map((n) => ({ ...n, hash: 'phash' as const })),
        ...(probes && index.findNearCentre
          ? (await index.findNearCentre(probes, this.centreMaxDistance, sellerId, listingId)).map((n) => ({ ...n, hash: 'centre' as const }))
          : []),
      ];
      const others = this.nearestPerListing(near.filter((n) => n.listingId !== listingId && n.sellerId !== sellerId));
      if (others.length === 0) continue;
      const closest = others[0];
      const closeness = this.closeness(closest);
      findings.push({
        code: 'image.reused',
        severity: closest.distance <= 4 ? 'medium' : 'low',
        // 0 bits apart is almost surely the same photo; confidence falls to 0.6 at the threshold.
        confidence: Math.round((1 - 0.4 * closeness) * 100) / 100,
        imagePosition: image.position,
        evidence: {
          summary:
            `This image is ${closest.distance === 0 && closest.hash === 'phash' ? 'identical to' : closest.hash === 'centre' ? 'a cropped, mirrored or near copy of' : 'a near copy of'} an image in ` +
            `${others.length === 1 ? 'another seller’s listing' : `${others.length} other sellers’ listings`}.`,
          phash: image.phash,
          maxDistance: this.maxDistance,
          ...(probes ? { centreMaxDistance: this.centreMaxDistance } : {}),
          matches: others.slice(0, this.maxListings).map((n) => ({
            listingId: n.listingId,
            sellerId: n.sellerId,
            imagePosition: n.imagePosition,
            phash: n.phash,
            hash: n.hash,
            distance: n.distance,
          })),
          totalListings: others.length,
        },
        ruleId: `image.reused.${closest.hash}`,
        ruleVersion: this.version,
      });
    }
    return findings;
  }

  /** The centre hash from the shared grey; an image whose pixels cannot be read again is looked up by pHash only. */
  private async centreHashes(ctx: DetectorContext, image: AnalyzedImage): Promise<CentreHashes | null> {
    try {
      return await centreHashesOf(await (this.options.grey ?? sharpGreySource).grey(image.bytes));
    } catch (err) {
      if (!(err instanceof ImageError)) throw err;
      ctx.reportError(image, err.toView());
      return null;
    }
  }

  /** Distance as a share of its hash's threshold: how sure a match is, comparable across the two hashes. */
  private closeness(n: Match): number {
    return n.distance / Math.max(n.hash === 'centre' ? this.centreMaxDistance : this.maxDistance, 1);
  }

  /** One match per listing, its surest (a pHash match before a centre match at the same closeness). */
  private nearestPerListing(neighbours: Match[]): Match[] {
    const order = (a: Match, b: Match) => this.closeness(a) - this.closeness(b) || (a.hash === b.hash ? 0 : a.hash === 'phash' ? -1 : 1);
    const best = new Map<string, Match>();
    for (const n of neighbours) {
      const current = best.get(n.listingId);
      if (!current || order(n, current) < 0) best.set(n.listingId, n);
    }
    return [...best.values()].sort(order);
  }
}
