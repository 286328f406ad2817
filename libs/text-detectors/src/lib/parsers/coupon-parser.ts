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

// Case-insensitive keyword, as PP-OCR reads it: often without spaces ("UsecodeSAVE20atcheckou"), so the
// keyword may follow a verb glued to it. A zip, product or QR code is not a promo code; in Japanese and
// Korean any "code" (コード, 코드) followed by a code is one (the word before it is often misread:
// "クーボジシコードEXTRA2025"), except a QR code, barcode, product or colour code.
const CODE =
  /(?<![A-Za-z])(?<!(?:zip|postal|post|product|item|qr|bar|area|country|colou?r|style|model|sku|hs|tax|article)\s?)(?:(?:use|enter|apply|with|your)\s?)?(?:promo(?:tion)?\s?code|coupon\s?code|discount\s?code|voucher\s?code|code|gutscheincode|rabattcode)\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9-]*)|(?:优惠码|折扣码|兑换码|券码|口令|クーポンコード|割引コード|プロモコード|쿠폰\s?코드|할인\s?코드|프로모션\s?코드|(?<!(?:QR|JAN|EAN|バー|商品|品番|型番|郵便|カラー|認証|確認|セキュリティ)\s?)コード|(?<!(?:QR|바|상품|제품|우편|색상|인증|보안)\s?)코드)\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9-]*)/giu;
const SPEND_SAVE = /(?:每?满)\s?(\d+(?:\.\d+)?)\s?元?\s?[减-]\s?(\d+(?:\.\d+)?)\s?元?/gu;
const SPEND_SAVE_EN = /(?<![A-Za-z])(?:spend|buy)\s?[$€£¥]?(\d+(?:\.\d+)?)\s?,?\s?(?:save|get)\s?[$€£¥]?(\d+(?:\.\d+)?)(?:\s?off)?/giu;
const INSTANT = /立减|券后|直减|下单立省|即時割引|즉시\s?할인/gu;
// The same glued words: "withvoucher", "Getcoupon" (PP-OCR drops the space between them).
const COUPON_WORDS =
  /(?<![A-Za-z])(?:(?:use|with|your|get|apply|clip|extra|our|a|the)\s?)?(?:coupons?|vouchers?|promo\s?code|gutschein(?:e)?|clip\s?coupon)(?![A-Za-z])|领券|优惠券|抵用券|代金券|红包|领取优惠|店铺券|平台券|クーポン|割引券|쿠폰|할인권|적립금/giu;

/** Finds coupon and voucher language: promo codes, 领券, 优惠券, 满200减30, 立减, 券后, "spend $50 save $10". */
export function parseCoupons(read: string): CouponMention[] {
  // Matched on the folded line (same length, so positions and boxes hold); see foldOcrConfusions.
  const text = foldOcrConfusions(read);
  const found: CouponMention[] = [];
  const push = (mention: CouponMention): void => {
    if (found.some((f) => f.start < mention.end && f.end > mention.start)) return;
    found.push(mention);
  };
  // Keywords on the folded line ("C0DE"), the code as read: a 0 between letters is part of a code, not an O.
  for (const m of text.matchAll(CODE)) {
    const group = m[1] ?? m[2];
    const at = m.index + m[0].length - group.length;
    const code = codeAsRead(read.slice(at, at + group.length));
    if (!code) continue;
    const end = at + code.length;
    push({ kind: 'promo_code', raw: read.slice(m.index, end), start: m.index, end, code: code.toUpperCase() });
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

/**
 * The code in the run of letters and digits after "code", as read. Codes are printed in capitals and digits,
 * but the reader mixes up the case of look-alike glyphs (c/C, o/O, w/W: "WELcoME30"), and the next words
 * run on in lower case ("SAVE20atcheckout"). So: drop the lower-case tail, then keep 4–16 characters
 * that are mostly capitals and digits and either hold a digit or are all letters from 5 up ("WELCOME").
 */
function codeAsRead(run: string): string | null {
  // An O read beside the code's digits is a 0 ("SAVE2O", "WELCOME3O"): letters come first in codes.
  const code = run.replace(/[a-z]+$/u, '').slice(0, 16).replace(/(?<=\d)[Oo](?=[\dOo]*$)/gu, '0');
  if (code.length < 4) return null;
  const lower = code.replace(/[^a-z]/gu, '').length;
  if (lower * 2 > code.length) return null;
  return /\d/u.test(code) || /^[A-Za-z-]{5,}$/u.test(code) ? code : null;
}
