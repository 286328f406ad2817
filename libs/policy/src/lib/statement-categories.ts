import type { Finding, FindingCode, TdbCategory, TdbContentType, TdbKeyword } from '@listinglens/contracts';

/**
 * Each finding in the Transparency Database's 2025 vocabulary (see contracts transparency-db/
 * vocabulary.ts). Prices, discounts and coupons break pricing-information rules (Price Indication
 * Directive, art. 6a UCPD on reference prices); fake badges mislead about the goods; fake livestream
 * screens and photos taken from other sellers make a listing inauthentic; banknote imagery is a
 * prohibited product. Undisclosed AI imagery and off-platform contacts break the marketplace's own
 * terms: the database's changelog maps the former SCOPE_OF_PLATFORM_SERVICE to OTHER_VIOLATION_TC.
 */
const BY_CODE: Record<FindingCode, { category: TdbCategory; keywords: TdbKeyword[] }> = {
  'price.mismatch': { category: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION', keywords: ['KEYWORD_NONCOMPLIANCE_PRICING'] },
  'price.reference_claim': { category: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION', keywords: ['KEYWORD_NONCOMPLIANCE_PRICING'] },
  'price.discount_math': { category: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION', keywords: ['KEYWORD_NONCOMPLIANCE_PRICING'] },
  'promo.coupon': { category: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION', keywords: ['KEYWORD_NONCOMPLIANCE_PRICING'] },
  'badge.claim': { category: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION', keywords: ['KEYWORD_MISLEADING_INFO_GOODS_SERVICES'] },
  'livestream.overlay': { category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', keywords: ['KEYWORD_INAUTHENTIC_LISTINGS'] },
  'image.listed_match': { category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', keywords: ['KEYWORD_INAUTHENTIC_LISTINGS'] },
  'image.reused': { category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', keywords: ['KEYWORD_INAUTHENTIC_LISTINGS'] },
  'currency.banknote': { category: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS', keywords: ['KEYWORD_PROHIBITED_PRODUCTS'] },
  'contact.off_platform': { category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', keywords: [] },
  'ai.undisclosed': { category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', keywords: [] },
  'ai.provenance': { category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', keywords: [] },
  'ai.watermark': { category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', keywords: [] },
  'ai.forensic': { category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', keywords: [] },
  // Informational (an unverifiable credential is no violation); mapped only because a restriction the
  // policy bases on other findings may list it too.
  'provenance.unverified': { category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', keywords: [] },
};

/** The main category is the gravest; the others go to category_addition. */
const GRAVITY: TdbCategory[] = [
  'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
  'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
];

export function classifyFindings(findings: Finding[]): {
  category: TdbCategory;
  category_addition: TdbCategory[];
  category_specification: TdbKeyword[];
  content_type: TdbContentType[];
} {
  const mapped = findings.map((f) => BY_CODE[f.code]);
  const categories = GRAVITY.filter((c) => mapped.some((m) => m.category === c));
  const [category = 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', ...category_addition] = categories;
  const content_type: TdbContentType[] = ['CONTENT_TYPE_PRODUCT'];
  if (findings.some((f) => f.imagePosition !== null)) content_type.push('CONTENT_TYPE_IMAGE');
  // Weak forensic traces alone do not make an image synthetic media.
  if (findings.some((f) => f.code.startsWith('ai.') && f.code !== 'ai.forensic')) content_type.push('CONTENT_TYPE_SYNTHETIC_MEDIA');
  return { category, category_addition, category_specification: [...new Set(mapped.flatMap((m) => m.keywords))].sort(), content_type };
}
