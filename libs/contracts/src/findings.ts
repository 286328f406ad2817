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
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Severities in order (info 0 … critical 4): policy thresholds and the review queue's ordering. */
export const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** A box in original image pixel coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Evidence is free-form per rule, but always JSON and always explains the finding. */
export type Evidence = { [key: string]: unknown };

/** What a detector emits; the pipeline adds nothing but persistence. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** 0..1 */
  confidence: number;
  /** Position of the image the finding is about; null for listing-level findings. */
  imagePosition: number | null;
  evidence: Evidence;
  ruleId: string;
  ruleVersion: number;
}
