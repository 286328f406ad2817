// No imports but severity.ts (itself without any): the review console's bundle imports this file
// (@listinglens/contracts/finding-codes) for its filter choices, so the codes have one source.
export { SEVERITIES, type Severity } from './severity';

/** Stable finding codes (DESIGN.md catalog): add, never rename. */
export const FINDING_CODES = [
  'price.mismatch',
  'price.reference_claim',
  'price.discount_math',
  'promo.coupon',
  'livestream.overlay',
  'badge.claim',
  'contact.off_platform',
  'currency.banknote',
  'ai.provenance',
  'ai.watermark',
  'ai.forensic',
  'ai.undisclosed',
  'image.reused',
  'provenance.unverified',
  'image.listed_match',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
