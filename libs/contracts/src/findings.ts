import { z } from 'zod';
import { SEVERITIES } from './severity';
import {
  aiForensicEvidenceSchema,
  aiProvenanceEvidenceSchema,
  aiUndisclosedEvidenceSchema,
  aiWatermarkEvidenceSchema,
  imageListedMatchEvidenceSchema,
  imageReusedEvidenceSchema,
  provenanceUnverifiedEvidenceSchema,
} from './evidence/ai-evidence.schema';
import {
  badgeClaimEvidenceSchema,
  boxSchema,
  contactOffPlatformEvidenceSchema,
  currencyBanknoteEvidenceSchema,
  livestreamOverlayEvidenceSchema,
  priceDiscountMathEvidenceSchema,
  priceMismatchEvidenceSchema,
  priceReferenceClaimEvidenceSchema,
  promoCouponEvidenceSchema,
} from './evidence/text-evidence.schema';

// In a module without dependencies, so the console's bundle takes them from here too (one source).
import { FINDING_CODES, type FindingCode } from './finding-codes';
export { FINDING_CODES, type FindingCode };

export { SEVERITIES, type Severity, SEVERITY_RANK } from './severity';

/** A box in original image pixel coordinates. */
export type Box = z.infer<typeof boxSchema>;

/** What each finding code's evidence holds: always JSON, always explains the finding (README, Findings). */
export const EVIDENCE_SCHEMAS = {
  'price.mismatch': priceMismatchEvidenceSchema,
  'price.reference_claim': priceReferenceClaimEvidenceSchema,
  'price.discount_math': priceDiscountMathEvidenceSchema,
  'promo.coupon': promoCouponEvidenceSchema,
  'livestream.overlay': livestreamOverlayEvidenceSchema,
  'badge.claim': badgeClaimEvidenceSchema,
  'contact.off_platform': contactOffPlatformEvidenceSchema,
  'currency.banknote': currencyBanknoteEvidenceSchema,
  'ai.provenance': aiProvenanceEvidenceSchema,
  'ai.watermark': aiWatermarkEvidenceSchema,
  'ai.forensic': aiForensicEvidenceSchema,
  'ai.undisclosed': aiUndisclosedEvidenceSchema,
  'image.reused': imageReusedEvidenceSchema,
  'provenance.unverified': provenanceUnverifiedEvidenceSchema,
  'image.listed_match': imageListedMatchEvidenceSchema,
} as const satisfies Record<FindingCode, z.ZodType>;

export type EvidenceOf<C extends FindingCode> = z.infer<(typeof EVIDENCE_SCHEMAS)[C]>;
/** Any finding's evidence; narrow the finding by its code to know which. */
export type Evidence = EvidenceOf<FindingCode>;

const findingOfCode = <C extends FindingCode>(code: C) =>
  z.strictObject({
    code: z.literal(code),
    severity: z.enum(SEVERITIES),
    /** 0..1 */
    confidence: z.number().min(0).max(1),
    /** Position of the image the finding is about; null for listing-level findings. */
    imagePosition: z.number().int().nullable(),
    evidence: EVIDENCE_SCHEMAS[code],
    ruleId: z.string(),
    ruleVersion: z.number().int(),
  });

/** What a detector emits; the pipeline adds nothing but persistence. Stored findings are parsed with it. */
export const findingSchema = z.discriminatedUnion('code', [
  findingOfCode('price.mismatch'),
  findingOfCode('price.reference_claim'),
  findingOfCode('price.discount_math'),
  findingOfCode('promo.coupon'),
  findingOfCode('livestream.overlay'),
  findingOfCode('badge.claim'),
  findingOfCode('contact.off_platform'),
  findingOfCode('currency.banknote'),
  findingOfCode('ai.provenance'),
  findingOfCode('ai.watermark'),
  findingOfCode('ai.forensic'),
  findingOfCode('ai.undisclosed'),
  findingOfCode('image.reused'),
  findingOfCode('provenance.unverified'),
  findingOfCode('image.listed_match'),
]);

/** A finding; `f.code === 'contact.off_platform'` narrows `f.evidence` to that code's evidence. */
export type Finding = z.infer<typeof findingSchema>;
export type FindingOf<C extends FindingCode> = Extract<Finding, { code: C }>;

// Every code has its member in the union (a code added to FINDING_CODES without one fails to compile).
type MissingCodes = Exclude<FindingCode, Finding['code']>;
const everyCodeHasAFinding: [MissingCodes] extends [never] ? true : MissingCodes = true;
void everyCodeHasAFinding;

/** Narrows findings to one code, so its evidence is typed: `findings.filter(hasCode('image.reused'))`. */
export function hasCode<C extends FindingCode>(code: C): (f: Finding) => f is FindingOf<C> {
  return (f): f is FindingOf<C> => f.code === code;
}
