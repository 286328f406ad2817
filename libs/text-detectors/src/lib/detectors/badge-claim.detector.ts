import type { Detector } from '@listinglens/pipeline';
import { parseBadges } from '../parsers/badge-parser';
import { perImageMatchDetector } from '../per-image-match-detector';

/** badge.claim: Best Seller, #1, Amazon's Choice, Official Store, Verified, 官方旗舰店, 正品保证, 假一赔十, 정품 ... */
export function badgeClaimDetector(): Detector {
  return perImageMatchDetector({
    id: 'text.badge-claim',
    version: 1,
    code: 'badge.claim',
    find: (line) => parseBadges(line.text).map((b) => ({ start: b.start, end: b.end, normalised: { badge: b.badge } })),
    assess: (matches) => ({
      certainty: 0.9,
      evidence: { badges: [...new Set(matches.map((m) => m.normalised.badge))] },
    }),
  });
}
