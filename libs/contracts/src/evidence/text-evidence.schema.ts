import { z } from 'zod';
import { SEVERITIES } from '../severity';

/**
 * Evidence of the findings read from an image's text (libs/text-detectors). Strict objects: a stored
 * finding whose evidence has a key its schema does not name fails to parse (finding-row.ts) instead of
 * passing as a shape nobody wrote. The vocabularies (contact kinds, cue kinds ...) are defined here and
 * the parsers take their types from them, so a new kind is added in one place.
 */

/** A box in original image pixel coordinates. */
export const boxSchema = z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

export const CONTACT_KINDS = ['phone', 'email', 'url', 'wechat', 'whatsapp', 'telegram', 'line', 'qq', 'wangwang', 'kakaotalk'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const COUPON_KINDS = ['coupon_word', 'promo_code', 'spend_save', 'instant_discount'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];
/** order_comment: a comment-stream line about buying ("阿杰: 已下单"), a cue of its own in a stream of comments. */
export const LIVESTREAM_CUE_KINDS = ['live_badge', 'audience_count', 'buy_button', 'seller_rank', 'follow_button', 'comment_line', 'order_comment'] as const;
export type LivestreamCueKind = (typeof LIVESTREAM_CUE_KINDS)[number];
export const BANKNOTE_CUE_KINDS = ['issuer_text', 'denomination', 'serial'] as const;
export type BanknoteCueKind = (typeof BANKNOTE_CUE_KINDS)[number];
export const CLAIM_KINDS = ['was_now', 'percent_off', 'zhe', 'half_price'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
/** What a price is doing in its sentence. */
export const PRICE_ROLES = ['reference', 'current', 'saving', 'threshold', 'multi_unit', 'total', 'unknown'] as const;
export type PriceRole = (typeof PRICE_ROLES)[number];

/** One piece of matched text: what was read, where, and how sure OCR was. */
export const matchEvidenceSchema = z.strictObject({
  text: z.string(),
  line: z.string(),
  box: boxSchema,
  words: z.array(z.strictObject({ text: z.string(), confidence: z.number(), box: boxSchema })),
  ocrConfidence: z.number(),
  /** Whether ocrConfidence is the least sure character's score (PP-OCR) or a word score (tesseract). */
  ocrConfidenceOf: z.enum(['character', 'word']),
  /** Which engine and model read the text (e.g. "ppocr:PP-OCRv4-ch..."); absent when the reader names none. */
  ocrEngine: z.string().optional(),
  /** The reader's lines this text was joined from (boxes side by side on a row, or a claim stacked over two
   * lines), so a reviewer sees what was read as one claim; absent when it is one line as read. */
  joined: z.array(z.strictObject({ text: z.string(), box: boxSchema })).optional(),
});
export type MatchEvidence = z.infer<typeof matchEvidenceSchema>;

/** The findings of perImageMatchDetector: the lead match's text and box, and every match with its meaning. */
function perImageMatches<N extends z.ZodRawShape, X extends z.ZodRawShape>(normalised: N, extra: X) {
  return z.strictObject({
    text: z.string(),
    box: boxSchema,
    matches: z.array(matchEvidenceSchema.extend({ normalised: z.strictObject(normalised) })),
    ...extra,
  });
}

const amount = z.string().meta({ description: 'exact canonical decimal ("1299", "9.99")' });

export const priceReferenceClaimEvidenceSchema = perImageMatches(
  {
    kind: z.enum(CLAIM_KINDS),
    percentOff: z.number().nullable(),
    upTo: z.boolean(),
    prices: z.array(z.strictObject({ text: z.string(), amount, currencies: z.array(z.string()), role: z.enum(PRICE_ROLES) })),
  },
  { claimCount: z.number().int() },
);

export const promoCouponEvidenceSchema = perImageMatches(
  { kind: z.enum(COUPON_KINDS), code: z.string().nullable(), threshold: z.string().nullable(), amount: z.string().nullable() },
  {},
);

export const livestreamOverlayEvidenceSchema = perImageMatches(
  { kind: z.enum(LIVESTREAM_CUE_KINDS) },
  { cueKinds: z.array(z.enum(LIVESTREAM_CUE_KINDS)), cueCount: z.number().int() },
);

// Badge labels are the rows of the parser's table (best_seller, official_store ...), not a closed vocabulary.
// reason, severity and match were added with the vocabulary of rule version 2; older rows lack them.
export const badgeClaimEvidenceSchema = perImageMatches(
  {
    badge: z.string(),
    reason: z.string().optional(),
    severity: z.enum(SEVERITIES).optional(),
    /** exact: as written; confusable: an unsure read within OCR confusions of a vocabulary phrase. */
    match: z.enum(['exact', 'confusable']).optional(),
  },
  { badges: z.array(z.string()) },
);

export const currencyBanknoteEvidenceSchema = perImageMatches(
  { kind: z.enum(BANKNOTE_CUE_KINDS) },
  { cueKinds: z.array(z.enum(BANKNOTE_CUE_KINDS)) },
);

export const priceMismatchEvidenceSchema = z.strictObject({
  text: z.string(),
  box: boxSchema,
  shown: z.strictObject({ amount, mark: z.string().nullable(), currencies: z.array(z.string()), role: z.enum(PRICE_ROLES) }),
  listing: z.strictObject({ amount, currency: z.string() }),
  reason: z.enum(['currency_differs', 'amount_differs']),
  prices: z.array(matchEvidenceSchema.extend({ amount, currencies: z.array(z.string()), role: z.enum(PRICE_ROLES) })),
});

export const priceDiscountMathEvidenceSchema = z.strictObject({
  text: z.string(),
  box: boxSchema,
  claim: matchEvidenceSchema.extend({ kind: z.enum(CLAIM_KINDS), percentOff: z.number() }),
  reference: matchEvidenceSchema.extend({ amount }),
  current: matchEvidenceSchema.extend({ amount }),
  claimedPercentOff: z.number(),
  computedPercentOff: z.number(),
  tolerancePoints: z.number(),
  pairedBy: z.enum(['role_words', 'larger_is_reference']),
});

/** The contact itself is for reviewers; `masked` is what a seller may be shown. */
const contact = {
  kind: z.enum(CONTACT_KINDS),
  value: z.string().nullable(),
  masked: z.string().nullable(),
};
export const contactOffPlatformEvidenceSchema = z.discriminatedUnion('source', [
  matchEvidenceSchema.extend({ ...contact, source: z.literal('ocr') }),
  z.strictObject({ ...contact, source: z.literal('qr'), text: z.string(), payload: z.string(), box: boxSchema, scale: z.number() }),
]);
