import type { Finding } from '@listinglens/contracts';
import type { Detector, DetectorContext } from '@listinglens/pipeline';
import { imagePrices, type LocatedPrice, sameCurrencyFamily } from '../image-prices';
import { imageTextLines } from '../image-text-lines';
import { centreDistance, edgeDistance, matchEvidence, round2 } from '../match-evidence';
import { toNumber } from '../parsers/decimal';
import { parseReferenceClaims } from '../parsers/reference-claim-parser';
import { RULE_SEVERITY } from '../rule-severity';
import { linesAndStackedPairs } from '../text-lines';

const RULE_ID = 'text.price-discount-math';
const VERSION = 2;
/** Claims are rounded ("-28%" for 28.7 %), so differences up to this many points are fine. */
export const DISCOUNT_TOLERANCE_POINTS = 1.5;
/** Prices further than this many claim-heights from the claim (edge to edge: a long tag line read as one
 * box puts its prices far from the claim's centre) belong to another offer on the page. */
const PAIRING_RADIUS = 10;

/**
 * price.discount_math: "-70%" / "3折" / "half price" next to a reference and a current price that do
 * not give that reduction. Each claim is paired with the nearest prices (brochure pages carry many
 * offers); role words decide which is which, else the larger is the reference. "Up to" claims are
 * ceilings and are not checked.
 */
export function priceDiscountMathDetector(): Detector {
  return {
    id: RULE_ID,
    version: VERSION,
    async detect(ctx: DetectorContext): Promise<Finding[]> {
      const findings: Finding[] = [];
      for (const image of ctx.images) {
        const lines = await imageTextLines(ctx, image);
        if (!lines) continue;
        const prices = imagePrices(lines).filter((p) => p.role !== 'saving' && p.role !== 'threshold' && p.role !== 'multi_unit' && p.role !== 'total');
        // Each line, then stacked pairs: some claims are claims only beside the line under them ("60%"
        // over "$149 → $104.30"). A claim already checked (same place, same percentage) is not again.
        const checked = new Set<string>();
        for (const { line } of linesAndStackedPairs(lines)) {
          for (const claim of parseReferenceClaims(line.text)) {
            if (claim.percentOff === null || claim.upTo) continue;
            const where = matchEvidence(line, claim.start, claim.end);
            const key = `${claim.percentOff}@${where.box.x},${where.box.y}`;
            if (checked.has(key)) continue;
            checked.add(key);
            const near = prices
              .filter((p) => edgeDistance(p.box, where.box) <= PAIRING_RADIUS * Math.max(where.box.height, p.box.height))
              .sort((a, b) => centreDistance(a.box, where.box) - centreDistance(b.box, where.box));
            const pair = pairPrices(near);
            if (!pair) continue;
            const ref = toNumber(pair.reference.amount);
            const cur = toNumber(pair.current.amount);
            const computed = ((ref - cur) / ref) * 100;
            if (Math.abs(computed - claim.percentOff) <= DISCOUNT_TOLERANCE_POINTS) continue;
            findings.push({
              code: 'price.discount_math',
              severity: RULE_SEVERITY['price.discount_math'],
              confidence: round2(
                Math.min(where.ocrConfidence, pair.reference.evidence.ocrConfidence, pair.current.evidence.ocrConfidence) *
                  (pair.byRole ? 0.9 : 0.75),
              ),
              imagePosition: image.position,
              evidence: {
                text: claim.raw,
                box: where.box,
                claim: { ...matchEvidence(line, claim.start, claim.end), kind: claim.kind, percentOff: claim.percentOff },
                reference: { ...pair.reference.evidence, amount: pair.reference.amount },
                current: { ...pair.current.evidence, amount: pair.current.amount },
                claimedPercentOff: claim.percentOff,
                computedPercentOff: round2(computed),
                tolerancePoints: DISCOUNT_TOLERANCE_POINTS,
                pairedBy: pair.byRole ? 'role_words' : 'larger_is_reference',
              },
              ruleId: RULE_ID,
              ruleVersion: VERSION,
            });
          }
        }
      }
      return findings;
    },
  };
}

function pairPrices(near: LocatedPrice[]): { reference: LocatedPrice; current: LocatedPrice; byRole: boolean } | null {
  const reference = near.find((p) => p.role === 'reference');
  const current = near.find((p) => p.role === 'current');
  const otherThan = (anchor: LocatedPrice): LocatedPrice | undefined =>
    near.find((p) => p.amount !== anchor.amount && sameCurrencyFamily(p, anchor));
  if (reference && current && reference.amount !== current.amount && sameCurrencyFamily(reference, current)) {
    return { reference, current, byRole: true };
  }
  if (reference) {
    const other = otherThan(reference);
    return other ? { reference, current: other, byRole: false } : null;
  }
  if (current) {
    const other = otherThan(current);
    return other ? { reference: other, current, byRole: false } : null;
  }
  // No role words: the two nearest different amounts, the larger being the reference.
  const first = near[0];
  const second = first ? otherThan(first) : undefined;
  if (!first || !second) return null;
  return toNumber(first.amount) >= toNumber(second.amount)
    ? { reference: first, current: second, byRole: false }
    : { reference: second, current: first, byRole: false };
}
