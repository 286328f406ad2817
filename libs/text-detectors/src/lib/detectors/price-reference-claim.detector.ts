import type { Detector } from '@listinglens/pipeline';
import { perImageMatchDetector } from '../per-image-match-detector';
import { parsePrices } from '../parsers/price-parser';
import { parseReferenceClaims } from '../parsers/reference-claim-parser';

/** price.reference_claim: WAS/NOW, RRP/UVP/MSRP, 原价/日常价/券后价/到手价, "-70%", "70% OFF", "3折", "half price". */
export function priceReferenceClaimDetector(): Detector {
  return perImageMatchDetector({
    id: 'text.price-reference-claim',
    version: 1,
    code: 'price.reference_claim',
    find: (line) => {
      const prices = parsePrices(line.text);
      return parseReferenceClaims(line.text).map((claim) => ({
        start: claim.start,
        end: claim.end,
        normalised: {
          kind: claim.kind,
          percentOff: claim.percentOff,
          upTo: claim.upTo,
          // The amounts on the same line, with what they are doing ("reference", "current").
          prices: prices.map((p) => ({ text: p.raw, amount: p.amount, currencies: p.currencies, role: p.role })),
        },
      }));
    },
    // A percentage or 折 is an explicit claim; a lone "现价"/"now" label is weaker evidence.
    assess: (matches) => ({
      certainty: matches.some((m) => m.normalised.percentOff !== null) ? 0.95 : 0.75,
      evidence: { claimCount: matches.length },
    }),
  });
}
