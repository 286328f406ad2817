import type { CouponKind } from '@listinglens/contracts';
import { foldOcrConfusions } from './ocr-confusions';

export type { CouponKind };

export interface CouponMention {
  kind: CouponKind;
  raw: string;
  start: number;
  end: number;
  /** The code for promo_code ("SAVE20"); threshold and amount for spend_save (满200减30). */
  code?: string;
  threshold?: string;
  amount?: string;
}

const CODE = /(?<![A-Za-z])(?:promo(?:tion)?\s?code|coupon\s?code|discount\s?code|voucher\s?code|use\s?code|code|gutscheincode|优惠码|折扣码|兑换码|券码)\s*[:：]?\s*([A-Z0-9][A-Z0-9-]{3,15})(?![A-Za-z0-9])/gu;
const SPEND_SAVE = /(?:每?满)\s?(\d+(?:\.\d+)?)\s?元?\s?[减-]\s?(\d+(?:\.\d+)?)\s?元?/gu;
const SPEND_SAVE_EN = /(?<![A-Za-z])(?:spend|buy)\s?[$€£¥]?(\d+(?:\.\d+)?)\s?,?\s?(?:save|get)\s?[$€£¥]?(\d+(?:\.\d+)?)(?:\s?off)?/giu;
const INSTANT = /立减|券后|直减|下单立省/gu;
const COUPON_WORDS =
  /(?<![A-Za-z])(?:coupons?|vouchers?|promo code|gutschein(?:e)?|clip coupon)(?![A-Za-z])|领券|优惠券|抵用券|代金券|红包|领取优惠|店铺券|平台券|쿠폰/giu;

/** Finds coupon and voucher language: promo codes, 领券, 优惠券, 满200减30, 立减, 券后, "spend $50 save $10". */
export function parseCoupons(read: string): CouponMention[] {
  // Matched on the folded line (same length, so positions and boxes hold); see foldOcrConfusions.
  const text = foldOcrConfusions(read);
  const found: CouponMention[] = [];
  const push = (mention: CouponMention): void => {
    if (found.some((f) => f.start < mention.end && f.end > mention.start)) return;
    found.push(mention);
  };
  // Codes are matched as read: a 0 between letters is part of a code, not an O.
  for (const m of read.matchAll(CODE)) {
    // A code has to look like one: letters and digits mixed, or all capitals ("WELCOME").
    if (!/\d/.test(m[1]) && !/^[A-Z-]{5,}$/.test(m[1])) continue;
    push({ kind: 'promo_code', raw: m[0], start: m.index, end: m.index + m[0].length, code: m[1] });
  }
  for (const re of [SPEND_SAVE, SPEND_SAVE_EN]) {
    for (const m of text.matchAll(re)) {
      if (Number(m[2]) >= Number(m[1])) continue; // "满3减5" is not a coupon rule
      push({ kind: 'spend_save', raw: m[0], start: m.index, end: m.index + m[0].length, threshold: m[1], amount: m[2] });
    }
  }
  for (const m of text.matchAll(COUPON_WORDS)) {
    push({ kind: 'coupon_word', raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(INSTANT)) {
    push({ kind: 'instant_discount', raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
