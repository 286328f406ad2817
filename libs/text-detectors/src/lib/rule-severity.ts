import type { Severity } from '@listinglens/contracts';

/**
 * Severity per finding code, in one place so a reviewer can see the reasoning side by side. Severity is
 * how much harm the finding points to if true; confidence (per finding) is how sure we are it is true.
 */
export const RULE_SEVERITY = {
  // Moving the buyer off the platform (phone, WeChat, QR) is the classic scam and fee-evasion route.
  'contact.off_platform': 'high',
  // A different price in the image than in the listing misleads the buyer about what they pay.
  'price.mismatch': 'high',
  // Discount arithmetic that does not add up is a misleading claim, but the listing price itself holds.
  'price.discount_math': 'medium',
  // A fake livestream screen borrows social proof that never happened.
  'livestream.overlay': 'medium',
  // Marketplace badges and guarantees are the platform's to give; in an image they may be forged.
  'badge.claim': 'medium',
  // Banknote imagery: possible counterfeit or prohibited currency listings; needs a human look.
  'currency.banknote': 'medium',
  // Reference prices and coupons are ordinary retail language; reviewers want them visible, not alarming.
  'price.reference_claim': 'low',
  'promo.coupon': 'low',
} as const satisfies Record<string, Severity>;
