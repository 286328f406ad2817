import type { Detector } from '@listinglens/pipeline';
import { badgeClaimDetector } from './detectors/badge-claim.detector';
import { contactOffPlatformDetector } from './detectors/contact-off-platform.detector';
import { currencyBanknoteDetector } from './detectors/currency-banknote.detector';
import { livestreamOverlayDetector } from './detectors/livestream-overlay.detector';
import { priceDiscountMathDetector } from './detectors/price-discount-math.detector';
import { priceMismatchDetector } from './detectors/price-mismatch.detector';
import { priceReferenceClaimDetector } from './detectors/price-reference-claim.detector';
import { promoCouponDetector } from './detectors/promo-coupon.detector';
import type { QrCodeReader } from './qr-code-reader';

export interface TextDetectorsOptions {
  /** QR decoding for contact.off_platform (ZxingQrCodeReader in the scanner); null turns it off. */
  qrReader: QrCodeReader | null;
}

/** Every text detector, one per finding code. They read OCR through ctx.text(), shared per scan. */
export function createTextDetectors(options: TextDetectorsOptions): Detector[] {
  const qr = options.qrReader;
  return [
    priceMismatchDetector(),
    priceReferenceClaimDetector(),
    priceDiscountMathDetector(),
    promoCouponDetector(),
    livestreamOverlayDetector(),
    badgeClaimDetector(),
    contactOffPlatformDetector(qr),
    currencyBanknoteDetector(),
  ];
}
