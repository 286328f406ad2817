import { hasCode } from '@listinglens/contracts';
import { describe, expect, it } from 'vitest';
import { contextWithText, ocrFromLines } from '../testing/fake-ocr';
import { priceDiscountMathDetector } from './price-discount-math.detector';
import { priceMismatchDetector } from './price-mismatch.detector';

describe('price mismatch detector', () => {
  it('flags a different selling price, with the listing price and the box', async () => {
    const [f] = (await priceMismatchDetector().detect(contextWithText(['限时特价 ¥99'], { price: { amount: '199.00', currency: 'CNY' } }))).filter(hasCode('price.mismatch'));
    expect(f).toMatchObject({ code: 'price.mismatch', severity: 'high', imagePosition: 0 });
    expect(f.evidence).toMatchObject({
      shown: { amount: '99', currencies: ['CNY', 'JPY'] },
      listing: { amount: '199.00', currency: 'CNY' },
      reason: 'amount_differs',
    });
    expect(f.evidence.box).toMatchObject({ y: 10, height: 30 });
  });

  it('accepts the listing price however it is written', async () => {
    const detector = priceMismatchDetector();
    expect(await detector.detect(contextWithText(['$1,299.00'], { price: { amount: '1299', currency: 'USD' } }))).toEqual([]);
    expect(await detector.detect(contextWithText(['到手价 1.2万元'], { price: { amount: '12000.00', currency: 'CNY' } }))).toEqual([]);
    expect(await detector.detect(contextWithText(['9,99 €'], { price: { amount: '9.99', currency: 'EUR' } }))).toEqual([]);
  });

  it('is not fooled by reference prices, savings or coupon thresholds', async () => {
    const ctx = contextWithText(['原价¥199 现价¥49', '满200元减30元', '立减20元'], { price: { amount: '49', currency: 'CNY' } });
    expect(await priceMismatchDetector().detect(ctx)).toEqual([]);
    const onlyWas = contextWithText(['WAS $199'], { price: { amount: '49', currency: 'USD' } });
    expect(await priceMismatchDetector().detect(onlyWas)).toEqual([]);
  });

  it('flags a price in another currency as a currency difference', async () => {
    const [f] = (await priceMismatchDetector().detect(contextWithText(['₩12,900'], { price: { amount: '12900', currency: 'USD' } }))).filter(hasCode('price.mismatch'));
    expect(f.evidence.reason).toBe('currency_differs');
  });

  it('does not accuse on a price the engine was unsure of (its least sure character under 0.8, a word under 0.5)', async () => {
    const read = (charConfidence: number[]) => {
      const ocr = ocrFromLines(['Only $59.99']);
      ocr.words[1] = { ...ocr.words[1], charConfidence };
      return { ...contextWithText([]), text: async () => ocr };
    };
    expect(await priceMismatchDetector().detect(read([0.99, 0.98, 0.62, 0.97, 0.99, 0.99]))).toEqual([]);
    const sure = (await priceMismatchDetector().detect(read([0.99, 0.98, 0.96, 0.97, 0.99, 0.99]))).filter(hasCode('price.mismatch'));
    expect(sure.map((f) => f.evidence.text)).toEqual(['$59.99']);
    const unsureWord = { ...contextWithText([]), text: async () => ocrFromLines(['Only $59.99'], 0.45) };
    expect(await priceMismatchDetector().detect(unsureWord)).toEqual([]);
  });

  it('ignores bare numbers that are not prices', async () => {
    expect(await priceMismatchDetector().detect(contextWithText(['Only 3 left', 'Model 2024']))).toEqual([]);
  });
});

describe('discount math detector', () => {
  it('flags a claimed -70% that the shown prices do not give', async () => {
    const [f] = await priceDiscountMathDetector().detect(contextWithText(['WAS $100 NOW $50', '-70%']));
    expect(f).toMatchObject({ code: 'price.discount_math', severity: 'medium' });
    expect(f.evidence).toMatchObject({ claimedPercentOff: 70, computedPercentOff: 50, pairedBy: 'role_words' });
  });

  it('reads 3折 as 70 % off in Chinese', async () => {
    const [f] = await priceDiscountMathDetector().detect(contextWithText(['原价¥200', '到手价¥100', '3折']));
    expect(f.evidence).toMatchObject({ claimedPercentOff: 70, computedPercentOff: 50 });
    expect(await priceDiscountMathDetector().detect(contextWithText(['原价¥200', '到手价¥60', '3折']))).toEqual([]);
  });

  it('accepts rounded claims and unlabelled price pairs that add up', async () => {
    expect(await priceDiscountMathDetector().detect(contextWithText(['2.79', '1.99 €', '-28%']))).toEqual([]);
    expect(await priceDiscountMathDetector().detect(contextWithText(['UVP 349.99', '299.99 €', '-14%']))).toEqual([]);
  });

  it('does not check "up to" ceilings or claims without two prices', async () => {
    expect(await priceDiscountMathDetector().detect(contextWithText(['Up to 70% OFF', 'WAS $100 NOW $50']))).toEqual([]);
    expect(await priceDiscountMathDetector().detect(contextWithText(['-70%', 'NOW $50']))).toEqual([]);
  });
});
