import type { Finding } from '@listinglens/contracts';
import type { Detector, DetectorContext } from '@listinglens/pipeline';
import { imagePrices, type LocatedPrice } from '../image-prices';
import { imageTextLines } from '../image-text-lines';
import { mostProminent, round2 } from '../match-evidence';
import { sameAmount } from '../parsers/decimal';
import { bareAmounts } from '../parsers/price-parser';
import { RULE_SEVERITY } from '../rule-severity';

const RULE_ID = 'text.price-mismatch';
const VERSION = 3;
/**
 * A selling price whose digits were read less surely than this cannot make a mismatch: one misread digit
 * on a clean photo ("¥199" for "¥190") would accuse a seller of a price they never showed. Per scale:
 * PP-OCR scores each character (clean printed digits 0.95+, a guessed one well under 0.8); tesseract
 * scores words lower (a clean rendered "¥99" 0.68), so its floor is lower.
 */
export const MIN_PRICE_READ_CONFIDENCE = { character: 0.8, word: 0.5 } as const;
/**
 * The currency mark is judged apart from the digits: it only narrows the currency, and PP-OCR scores a
 * clean "￥" of a Chinese banner 0.77 (beside digits at 0.99). Below this floor the mark may be another
 * glyph altogether, and the price does not count as marked.
 */
export const MIN_MARK_READ_CONFIDENCE = { character: 0.5, word: 0.3 } as const;

/** The price is the listing's amount; one whose cents were not read ("$103,") only by its whole units. */
const shows = (p: LocatedPrice, amount: string): boolean => (p.centsUnread ? p.amount === amount.split('.')[0] : sameAmount(p.amount, amount));

/**
 * price.mismatch: the image shows a selling price that is not the listing's. Only prices with a currency
 * mark count ("Only 3 left" is not a price), and reference prices, savings ("立减30元") and coupon
 * thresholds ("满200元") and prices for several units ("2件23元") are not selling prices. An image that shows
 * the listing's price anywhere is consistent, whatever else it shows (multi-buy offers, other sizes), even
 * where the reader lost its mark.
 */
export function priceMismatchDetector(): Detector {
  return {
    id: RULE_ID,
    version: VERSION,
    async detect(ctx: DetectorContext): Promise<Finding[]> {
      const { amount, currency } = ctx.listing.price;
      const findings: Finding[] = [];
      for (const image of ctx.images) {
        const lines = await imageTextLines(ctx, image);
        if (!lines) continue;
        const marked = imagePrices(lines).filter((p) => p.mark !== null);
        const selling = marked.filter(
          (p) =>
            (p.role === 'current' || p.role === 'unknown') &&
            p.amountConfidence >= MIN_PRICE_READ_CONFIDENCE[p.evidence.ocrConfidenceOf] &&
            // An unread mark ("特价?57") is known to be a mark by where it stands, not by how it was read.
            (p.markUnread || (p.markConfidence ?? 0) >= MIN_MARK_READ_CONFIDENCE[p.evidence.ocrConfidenceOf]),
        );
        if (selling.length === 0) continue;
        if (marked.some((p) => (p.markUnread || p.currencies.includes(currency)) && shows(p, amount))) continue;
        // The listing's own amount read without its mark ("1件?15": the ￥ read as "?") still shows it.
        if (lines.some((l) => bareAmounts(l.text).some((a) => sameAmount(a, amount)))) continue;
        const lead = mostProminent(selling);
        const currencyDiffers = !lead.markUnread && !lead.currencies.includes(currency);
        findings.push({
          code: 'price.mismatch',
          severity: RULE_SEVERITY['price.mismatch'],
          // A different currency may be a converted price shown for convenience: less certain.
          // A mark that was not read leaves the currency open: a little less certain too.
          confidence: round2(lead.amountConfidence * (currencyDiffers ? 0.6 : lead.markUnread ? 0.8 : 0.9)),
          imagePosition: image.position,
          evidence: {
            text: lead.raw,
            box: lead.box,
            shown: { amount: lead.amount, mark: lead.mark, currencies: lead.currencies, role: lead.role, ...(lead.markUnread ? { markUnread: true } : {}) },
            listing: { amount, currency },
            reason: currencyDiffers ? 'currency_differs' : 'amount_differs',
            prices: selling.map((p) => ({ ...p.evidence, amount: p.amount, currencies: p.currencies, role: p.role })),
          },
          ruleId: RULE_ID,
          ruleVersion: VERSION,
        });
      }
      return findings;
    },
  };
}
