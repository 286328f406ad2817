import type { Detector } from '@listinglens/pipeline';
import { parseCoupons } from '../parsers/coupon-parser';
import { perImageMatchDetector } from '../per-image-match-detector';

/** promo.coupon: coupon/voucher/promo-code language, 领券, 优惠券, 满X减Y, 立减, 券后. */
export function promoCouponDetector(): Detector {
  return perImageMatchDetector({
    id: 'text.promo-coupon',
    version: 1,
    code: 'promo.coupon',
    find: (line) =>
      parseCoupons(line.text).map((c) => ({
        start: c.start,
        end: c.end,
        normalised: { kind: c.kind, code: c.code ?? null, threshold: c.threshold ?? null, amount: c.amount ?? null },
      })),
    // A code or a 满X减Y rule is unmistakable; the word "coupon" alone could be a product description.
    assess: (matches) => ({
      certainty: matches.some((m) => m.normalised.kind !== 'coupon_word') ? 0.95 : 0.8,
      evidence: {},
    }),
  });
}
