import { hasCode } from '@listinglens/contracts';
import { describe, expect, it } from 'vitest';
import { contextWithText } from '../testing/fake-ocr';
import { badgeClaimDetector } from './badge-claim.detector';
import { currencyBanknoteDetector } from './currency-banknote.detector';
import { livestreamOverlayDetector } from './livestream-overlay.detector';
import { priceReferenceClaimDetector } from './price-reference-claim.detector';
import { promoCouponDetector } from './promo-coupon.detector';

describe('reference claim detector', () => {
  it('reports every claim in the image in one finding', async () => {
    const findings = (await priceReferenceClaimDetector().detect(contextWithText(['原价¥199', '限时 3折', '-70%']))).filter(hasCode('price.reference_claim'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'price.reference_claim', severity: 'low', imagePosition: 0 });
    expect(findings[0].evidence.matches.length).toBe(3);
  });
  it('ignores plain product text', async () => {
    expect(await priceReferenceClaimDetector().detect(contextWithText(['100% cotton', 'Buy Now']))).toEqual([]);
  });
});

describe('coupon detector', () => {
  it('finds 满200减30 and a promo code', async () => {
    const [f] = (await promoCouponDetector().detect(contextWithText(['领券 满200减30', 'Use code SAVE20']))).filter(hasCode('promo.coupon'));
    expect(f.code).toBe('promo.coupon');
    expect(f.evidence.matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ normalised: expect.objectContaining({ kind: 'spend_save', threshold: '200', amount: '30' }) }),
        expect.objectContaining({ normalised: expect.objectContaining({ kind: 'promo_code', code: 'SAVE20' }) }),
      ]),
    );
  });
  it('ignores a QR code caption', async () => {
    expect(await promoCouponDetector().detect(contextWithText(['Scan the QR code']))).toEqual([]);
  });
});

describe('livestream detector', () => {
  it('flags a screen with two or more kinds of cue', async () => {
    const [f] = (await livestreamOverlayDetector().detect(contextWithText(['LIVE 12.8万人观看', '带货榜第3', '立即购买']))).filter(hasCode('livestream.overlay'));
    expect(f.code).toBe('livestream.overlay');
    expect(f.evidence.cueKinds).toEqual(expect.arrayContaining(['live_badge', 'audience_count', 'seller_rank', 'buy_button']));
  });
  it('does not flag a product called LIVE', async () => {
    expect(await livestreamOverlayDetector().detect(contextWithText(['LIVE', 'Energy drink 250 ml']))).toEqual([]);
  });
  it('needs two comment lines before a comment stream counts', async () => {
    expect(await livestreamOverlayDetector().detect(contextWithText(['Buy Now', 'Colour: Ocean Blue']))).toEqual([]);
    const [f] = (await livestreamOverlayDetector().detect(contextWithText(['Buy Now', 'amy: so pretty', 'bo_99: want one']))).filter(hasCode('livestream.overlay'));
    expect(f.evidence.cueKinds).toEqual(expect.arrayContaining(['buy_button', 'comment_line']));
  });
  it('a stream of comments where viewers say they bought is a shopping stream; a spec sheet\'s "key: value" lines are not', async () => {
    const [f] = (await livestreamOverlayDetector().detect(contextWithText(['小美:好看吗', '阿杰:已下单']))).filter(hasCode('livestream.overlay'));
    expect(f.evidence.cueKinds).toEqual(['comment_line', 'order_comment']);
    expect(await livestreamOverlayDetector().detect(contextWithText(['小美:好看吗', '阿杰:好看']))).toEqual([]);
    expect(await livestreamOverlayDetector().detect(contextWithText(['阿杰:已下单']))).toEqual([]);
    expect(await livestreamOverlayDetector().detect(contextWithText(['面料:纯棉', '产地:广东', '洗涤:手洗']))).toEqual([]);
  });
});

describe('badge detector', () => {
  it('finds badges in English and Chinese', async () => {
    const [f] = (await badgeClaimDetector().detect(contextWithText(['官方旗舰店 正品保证', 'Best Seller']))).filter(hasCode('badge.claim'));
    expect(f).toMatchObject({ code: 'badge.claim', severity: 'medium' });
    expect(f.evidence.badges).toEqual(expect.arrayContaining(['official_store', 'authenticity', 'best_seller']));
  });
  it('ignores a brand name', async () => {
    expect(await badgeClaimDetector().detect(contextWithText(['SONY', 'WH-1000XM5']))).toEqual([]);
  });
});

describe('banknote detector', () => {
  it('flags issuer text, with serials as supporting evidence', async () => {
    const [f] = (await currencyBanknoteDetector().detect(contextWithText(['FEDERAL RESERVE NOTE', 'MB 12345678 C']))).filter(hasCode('currency.banknote'));
    expect(f.evidence.cueKinds).toEqual(expect.arrayContaining(['issuer_text', 'serial']));
    expect(f.confidence).toBeGreaterThan(0.8);
  });
  it('does not flag a receipt document number alone', async () => {
    expect(await currencyBanknoteDetector().detect(contextWithText(['DOCUMENT NO : TD01167104']))).toEqual([]);
  });
});

describe('every detector', () => {
  it('gives nothing and throws nothing when the image has no text or OCR failed', async () => {
    const detectors = [priceReferenceClaimDetector(), promoCouponDetector(), livestreamOverlayDetector(), badgeClaimDetector(), currencyBanknoteDetector()];
    for (const d of detectors) {
      expect(await d.detect(contextWithText([]))).toEqual([]);
      expect(await d.detect({ ...contextWithText(['x']), text: async () => null })).toEqual([]);
    }
  });
});
