import type { Finding, HashListMatcher, ListedHashMatch } from '@listinglens/contracts';
import type { Detector, DetectorContext } from '@listinglens/pipeline';

/**
 * PDQ's reference calls hashes of quality ≤ 49 too featureless to match (a flat or nearly flat image
 * hashes to bits of noise that land near other flat images): they are not matched.
 */
export const LISTED_MATCH_MIN_QUALITY = 50;
const MAX_MATCHES = 10;

/**
 * `image.listed_match`: the image, or one of its 8 rotations and flips, is within a hash list's threshold
 * of a listed PDQ hash (a partner's list of known counterfeit photos, our reviewers' confirmed ones…).
 */
export class ImageListedMatchDetector implements Detector {
  readonly id = 'image.listed_match';
  readonly version = 1;

  constructor(private readonly matcher: HashListMatcher) {}

  async detect(ctx: DetectorContext): Promise<Finding[]> {
    const findings: Finding[] = [];
    const images = ctx.images.filter((image) => image.pdqQuality >= LISTED_MATCH_MIN_QUALITY);
    const matched = await this.matcher.match(images.map((image) => image.pdqVariants));
    for (const [i, image] of images.entries()) {
      const matches = matched[i];
      if (matches.length === 0) continue;
      const closest = matches[0];
      findings.push({
        code: 'image.listed_match',
        // Only watch lists (action "none") matched: recorded for the record, nothing asked of anyone.
        severity: matches.every((m) => m.action === 'none') ? 'info' : 'high',
        // 0 bits apart is certain; at the threshold (31 of 256) still far below chance (~128).
        confidence: Math.round((1 - closest.distance / 64) * 100) / 100,
        imagePosition: image.position,
        evidence: { summary: summaryOf(closest, matches.length), pdq: image.pdq, pdqQuality: image.pdqQuality, matches: matches.slice(0, MAX_MATCHES) },
        ruleId: 'image.listed_match.pdq',
        ruleVersion: this.version,
      });
    }
    return findings;
  }
}

function summaryOf(m: ListedHashMatch, count: number): string {
  const turned = m.variant === 'original' ? '' : ` (as ${m.variant})`;
  const noted = m.note ? `, noted "${m.note}"` : '';
  const more = count > 1 ? `; ${count} listed hashes match in all` : '';
  return `This image${turned} is on the hash list "${m.list}" (${m.source}), ${m.distance} bits from listed hash ${m.externalId ?? m.hashId}${noted}${more}.`;
}
