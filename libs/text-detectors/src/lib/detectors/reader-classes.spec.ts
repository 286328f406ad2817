/**
 * The failure classes of issue 21, each as PP-OCR returns it (one box per line, per-character scores and
 * columns, no spaces): every test here failed before its fix.
 */
import { type FindingCode, hasCode, type ListingFields } from '@listinglens/contracts';
import type { DetectorContext, OcrWord } from '@listinglens/pipeline';
import { describe, expect, it } from 'vitest';
import { createTextDetectors } from '../create-text-detectors';
import { buildTextLines } from '../text-lines';
import { fakeImage, LISTING } from '../testing/fake-ocr';
import { badgeClaimDetector } from './badge-claim.detector';
import { priceDiscountMathDetector } from './price-discount-math.detector';
import { priceMismatchDetector } from './price-mismatch.detector';
import { promoCouponDetector } from './promo-coupon.detector';

/** One PP-OCR line box: 20 px per character, each character's columns and score. */
function box(text: string, x: number, y: number, scores?: number[], height = 30): OcrWord {
  const chars = [...text];
  return {
    text,
    confidence: 0.95,
    box: { x, y, width: chars.length * 20, height },
    charX: chars.map((_, i) => [x + i * 20, x + i * 20 + 20]),
    charConfidence: scores ?? chars.map(() => 0.98),
  };
}

function context(words: OcrWord[], price: ListingFields['price'] = LISTING.price): DetectorContext {
  const ocr = { text: words.map((w) => w.text).join('\n'), words, engine: 'ppocr:test' };
  return {
    listing: { ...LISTING, price },
    images: [fakeImage()],
    text: async () => ocr,
    stepDeadline: () => Date.now() + 60_000,
    reportError: (_image, error) => {
      throw new Error(error.message);
    },
  };
}

async function codes(words: OcrWord[], price?: ListingFields['price']): Promise<FindingCode[]> {
  const findings = await Promise.all(createTextDetectors({ qrReader: null }).map((d) => d.detect(context(words, price))));
  return findings.flat().map((f) => f.code);
}

describe('class 1: the currency mark is judged apart from the digits', () => {
  const banner = (scores: number[]) => [box('今日特价', 10, 10), box('￥39.9', 120, 10, scores)];
  const CNY = { amount: '168.00', currency: 'CNY' };

  it('a clean amount behind an unsure ￥ (0.77) is still a price that differs from the listing', async () => {
    const found = (await priceMismatchDetector().detect(context(banner([0.765, 0.997, 0.999, 0.999, 0.999]), CNY))).filter(hasCode('price.mismatch'));
    expect(found).toHaveLength(1);
    expect(found[0].evidence.shown).toMatchObject({ amount: '39.9', mark: '￥' });
  });

  it('an unsure digit still keeps the price from counting, and so does a mark that may be another glyph', async () => {
    expect(await priceMismatchDetector().detect(context(banner([0.99, 0.99, 0.6, 0.99, 0.99]), CNY))).toEqual([]);
    expect(await priceMismatchDetector().detect(context(banner([0.3, 0.99, 0.99, 0.99, 0.99]), CNY))).toEqual([]);
  });

  it('reads full-width digits as digits', async () => {
    const found = await priceMismatchDetector().detect(context([box('到手价￥３９.９', 10, 10)], CNY));
    expect(found.filter(hasCode('price.mismatch'))[0]?.evidence.shown.amount).toBe('39.9');
  });
});

describe('class 2: one printed line read as two boxes', () => {
  it('drops the glyph the neighbouring crop read twice ("Amazon\'s" + "s Choice") and says which boxes it joined', async () => {
    const words = [box("Amazon's", 10, 10), box('s Choice', 10 + 8 * 20 + 3, 10)];
    const [f] = (await badgeClaimDetector().detect(context(words))).filter(hasCode('badge.claim'));
    expect(f.evidence.matches[0]).toMatchObject({ text: "Amazon's Choice", normalised: { badge: 'marketplace_choice' } });
    expect(f.evidence.matches[0].joined?.map((j) => j.text)).toEqual(["Amazon's", 's Choice']);
  });

  it('keeps a real repeated letter a word space apart ("Best" + "tea")', async () => {
    expect(buildTextLines([box('Best', 10, 10), box('tea', 10 + 80 + 12, 10)])[0].text).toBe('Best tea');
  });

  it('reads a claim stacked over two lines ("TRUSTED" over "SELLER", "官方" over "旗舰店")', async () => {
    expect(await codes([box('TRUSTED', 10, 10), box('SELLER', 20, 48)])).toContain('badge.claim');
    expect(await codes([box('官方', 10, 10), box('旗舰店', 0, 46)])).toContain('badge.claim');
  });
});

describe('class 3: no spaces, cut tails', () => {
  it('finds the code in "UsecodeSAVE20atcheckou"', async () => {
    const [f] = (await promoCouponDetector().detect(context([box('UsecodeSAVE20atcheckou', 0, 10)]))).filter(hasCode('promo.coupon'));
    expect(f.evidence.matches[0].normalised).toMatchObject({ kind: 'promo_code', code: 'SAVE20' });
  });
});

describe('class 4: claims and prices on separate lines; noise glyphs', () => {
  const tag = (was: string, now: string, save: string) => [box(was, 10, 10), box(now, 10, 60), box(save, 10, 110)];

  it('checks "SAVE 70%" against WAS and NOW read on lines of their own', async () => {
    const [f] = (await priceDiscountMathDetector().detect(context(tag('WAS $129.99', 'NOW $89.99', 'SAVE 70%')))).filter(hasCode('price.discount_math'));
    expect(f.evidence).toMatchObject({ claimedPercentOff: 70, computedPercentOff: 30.77, pairedBy: 'role_words' });
  });

  it('a stray digit before the mark ("5$129.99") is not an amount, so a correct 69 % tag passes', async () => {
    expect(await priceDiscountMathDetector().detect(context(tag('WAS5$129.99', 'NOW $39.99', 'SAVE 69%')))).toEqual([]);
  });
});

describe('class 5: the badge vocabulary', () => {
  it.each(['6 MONTHS WARRANTY', 'TOP REVIEWED', 'Guaranteed', 'BRAND OF THE YEAR', '100% NATURAL', '正品', '质保', '公式ストア', '正規品', '정품', '공식 판매처'])(
    '%s is a badge claim, with its reason and severity',
    async (text) => {
      const [f] = (await badgeClaimDetector().detect(context([box(text, 10, 10)]))).filter(hasCode('badge.claim'));
      expect(f.evidence.matches[0].normalised).toMatchObject({ reason: expect.any(String), severity: expect.stringMatching(/low|medium/), match: 'exact' });
    },
  );

  it('matches an unsurely read seal within OCR confusions ("Jrusled SELLER"), and not a sure read', async () => {
    const unsure = box('JrusledSELLER', 10, 10, [0.55, 0.6, ...Array(11).fill(0.95)]);
    const [f] = (await badgeClaimDetector().detect(context([unsure]))).filter(hasCode('badge.claim'));
    expect(f.evidence.matches[0].normalised).toMatchObject({ badge: 'trusted_seller', match: 'confusable' });
    expect(await badgeClaimDetector().detect(context([box('JrusledSELLER', 10, 10)]))).toEqual([]);
  });

  it.each(['FREE SHIPPING', '包邮', 'NEW ARRIVAL', '新品上市', 'Size M L XL', 'Original flavour', 'Genuine leather', '送料無料', '무료배송', '保质期12个月'])(
    '%s is ordinary retail text',
    async (text) => {
      expect(await badgeClaimDetector().detect(context([box(text, 10, 10, [...text].map(() => 0.6))]))).toEqual([]);
    },
  );
});

describe('words glued without spaces: the case shows where a word ends', () => {
  it.each([
    ['HalfPriceSale', 'price.reference_claim'],
    ['2YEARWARRANTYhurry', 'badge.claim'],
    ['1年保证', 'badge.claim'],
    ['正规品', 'badge.claim'],
    ['UsecodeWELcoME3Oatcheckout', 'promo.coupon'],
  ] as const)('%s gives %s', async (text, code) => {
    expect(await codes([box(text, 10, 10)])).toContain(code);
  });

  it('reads "LIVENOW" with "Shopnow" as a livestream screen', async () => {
    expect(await codes([box('LIVENOW', 10, 10), box('Shopnow', 10, 200)])).toContain('livestream.overlay');
  });

  it('still needs whole words: "Wasser 500ml", "Bestsellerhurry" in lower case are not claims', async () => {
    expect(await codes([box('Wasser500ml', 10, 10)])).toEqual([]);
    expect(await codes([box('bestsellerhurry', 10, 10)])).toEqual([]);
  });

  it('a mark glued after a word is still a mark ("Only£39.99")', async () => {
    expect(await codes([box('Only£39.99', 10, 10)], { amount: '49.00', currency: 'GBP' })).toContain('price.mismatch');
  });

  it('checks "60%0FFWas327,99Now225.50" read as one long box (prices far from the claim)', async () => {
    const [f] = (await priceDiscountMathDetector().detect(context([box('60%0FFWas327,99Now225.50', 10, 10)]))).filter(hasCode('price.discount_math'));
    expect(f.evidence).toMatchObject({ claimedPercentOff: 60, pairedBy: 'role_words' });
  });

  it('a minus glued to the cents opens a claim: "$252.99$178.50-60%"', async () => {
    expect(await codes([box('$252.99$178.50-60%', 10, 10)], { amount: '178.50', currency: 'USD' })).toContain('price.discount_math');
  });
});

describe('negatives that looked like findings', () => {
  it('a price ladder is not a unit price, even with the first mark misread ("1件?15" / "2件23元")', async () => {
    expect(await codes([box('1件?15', 10, 10), box('2件23元', 10, 50)], { amount: '15.00', currency: 'CNY' })).toEqual([]);
    expect(await codes([box('3for$12', 10, 10)], { amount: '5.00', currency: 'USD' })).toEqual([]);
  });

  it('a receipt line with change and a date is not a phone number', async () => {
    expect(await codes([box('CHANGE 1.73 03/12/2026', 10, 10)])).toEqual([]);
  });

  it('"LIVE NOW" over "2.3K watching" is a count, not a NOW price', async () => {
    expect(await codes([box('LIVE NOW', 10, 10), box('2.3K watching', 10, 48)])).not.toContain('price.reference_claim');
  });

  it('a zip or product code is not a promo code', async () => {
    expect(await codes([box('Zip code 90210', 10, 10)])).toEqual([]);
    expect(await codes([box('Productcode AB1234', 10, 10)])).toEqual([]);
  });
});

describe('from the evaluation set', () => {
  it('"WAS$29.99" keeps its $ (the S of WAS is not Singapore\'s), so the tag is checked', async () => {
    const [f] = (await priceDiscountMathDetector().detect(context([box('WAS$29.99', 10, 10), box('NOW$20.99', 10, 60), box('SAVE50%', 10, 110)])))
      .filter(hasCode('price.discount_math'));
    expect(f.evidence).toMatchObject({ claimedPercentOff: 50, pairedBy: 'role_words' });
  });

  it('a receipt total is not a selling price ("TOTAL $64.80", "实付款" over "¥128.00")', async () => {
    expect(await codes([box('TOTAL $64.80', 10, 10)])).toEqual([]);
    expect(await codes([box('实付款', 10, 10), box('¥128.00', 10, 48)], { amount: '39.00', currency: 'CNY' })).toEqual([]);
  });

  it('a label on the line above gives the price its role ("Compare at" over "$15")', async () => {
    expect(await codes([box('Compare at', 10, 10), box('$15', 10, 48)], { amount: '9.00', currency: 'USD' })).not.toContain('price.mismatch');
  });

  it('an O read beside a code\'s digits is a 0 ("SAVE2O")', async () => {
    const [f] = (await promoCouponDetector().detect(context([box('Use code', 0, 10), box('SAVE2O at check', 180, 10)]))).filter(hasCode('promo.coupon'));
    expect(f.evidence.matches[0].normalised).toMatchObject({ code: 'SAVE20' });
  });
});

describe('from the evaluation set, second pass', () => {
  const CNY = (amount: string) => ({ amount, currency: 'CNY' });

  it('a mark read as "?" between a price word and the digits is a price of unknown currency ("特价?57", "原价?168")', async () => {
    const [f] = (await priceMismatchDetector().detect(context([box('特价?57', 10, 10)], CNY('88.00')))).filter(hasCode('price.mismatch'));
    expect(f.evidence.shown).toMatchObject({ amount: '57', markUnread: true });
    expect(f.evidence.reason).toBe('amount_differs');
    expect(await codes([box('特价?88', 10, 10)], CNY('88.00'))).toEqual([]);
    const tag = [box('原价?168', 10, 10), box('现价¥134', 10, 60), box('6折', 10, 110)];
    expect(await codes(tag, CNY('134.00'))).toContain('price.discount_math');
  });

  it('a receipt repeats its total on the payment line ("VISA $64.80")', async () => {
    expect(await codes([box('TOTAL', 10, 10), box('$64.80', 120, 10), box('VISA $64.80', 10, 60)], { amount: '35.00', currency: 'USD' })).toEqual([]);
  });

  it('a price ladder read without its spaces: "1盒¥39.93盒¥99", "1 for $5,3 for $12"', async () => {
    expect(await codes([box('1盒¥39.93盒¥99', 10, 10)], CNY('39.90'))).toEqual([]);
    expect(await codes([box('1 for $5,3 for $12', 10, 10)], { amount: '5.00', currency: 'USD' })).toEqual([]);
  });

  it('a price whose cents were not read ("NOW $103,") shows only its whole units', async () => {
    expect(await codes([box('NOW $103,', 10, 10)], { amount: '103.99', currency: 'USD' })).not.toContain('price.mismatch');
    expect(await codes([box('NOW $89,', 10, 10)], { amount: '103.99', currency: 'USD' })).toContain('price.mismatch');
  });

  it('Japanese kanji read in their simplified or traditional form still make the badge ("正规贩壳店", "品質保证")', async () => {
    expect(await codes([box('正规贩壳店', 10, 10)])).toContain('badge.claim');
    expect(await codes([box('品質保证', 10, 10)])).toContain('badge.claim');
    expect(await codes([box('手机壳', 10, 10)])).toEqual([]);
  });
});

describe('from the evaluation set, third pass', () => {
  it('an arrow markdown with a bare percentage over it whose minus was lost ("60%" over "$149 → $104.30")', async () => {
    const tag = [box('60%', 10, 10), box('$149 → $104.30', 10, 45)];
    const found = await codes(tag, { amount: '104.30', currency: 'USD' });
    expect(found).toContain('price.discount_math');
    expect(found).toContain('price.reference_claim');
    // The same percentage that the prices do give is no finding; a bare "70%" with no markdown is no claim.
    expect(await codes([box('30%', 10, 10), box('$149 → $104.30', 10, 45)], { amount: '104.30', currency: 'USD' })).not.toContain('price.discount_math');
    expect(await codes([box('70%', 10, 10), box('$149', 10, 45), box('$104.30', 10, 80)], { amount: '104.30', currency: 'USD' })).toEqual([]);
  });

  it('coupon words and codes PP-OCR glued or half-read ("withvoucher", "クーボジシコードEXTRA2025")', async () => {
    expect(await codes([box('Extra savings', 10, 10), box('withvoucher', 10, 45)])).toContain('promo.coupon');
    expect(await codes([box('クーボジシコードEXTRA2025', 10, 10)])).toContain('promo.coupon');
    expect(await codes([box('QRコードABC123', 10, 10)])).toEqual([]);
  });

  it('one line on a rotated sticker or seal read as two boxes along the slant ("HALF" then, up-right, "PRICE")', async () => {
    // Boxes as PP-OCR gave them on the evaluation images (axis-aligned around rotated words).
    const half = { ...box('HALF', 313, 698, undefined, 154), box: { x: 313, y: 698, width: 254, height: 154 } };
    const price = { ...box('PRICE', 546, 590, undefined, 170), box: { x: 546, y: 590, width: 299, height: 170 } };
    expect(await codes([price, half])).toContain('price.reference_claim');
    // Fine print of the photo beside the sticker, inside "HALF"'s tall box, is not on its line.
    const fine = ['The commeteAR', 'that putsdeutm'].map((t, i) => ({ ...box(t, 640, 805 + 13 * i, undefined, 15), box: { x: 640, y: 805 + 13 * i, width: 61, height: 15 } }));
    expect(await codes([price, half, ...fine])).toContain('price.reference_claim');
    const app = { ...box('Telegram', 63, 191, undefined, 97), box: { x: 63, y: 191, width: 148, height: 97 } };
    const handle = { ...box('@vip1988', 191, 253, undefined, 88), box: { x: 191, y: 253, width: 149, height: 88 } };
    expect(await codes([app, handle])).toContain('contact.off_platform');
    // Two lines one under the other, far apart sideways, are not one line.
    const far = { ...handle, box: { ...handle.box, x: 600 } };
    expect(await codes([app, far])).toEqual([]);
  });

  it('an unsure line ending in all of a CJK badge phrase but its last glyph ("医師推" for 医師推奨)', async () => {
    expect(await codes([box('医師推', 10, 10, [0.88, 0.9, 0.65])])).toContain('badge.claim');
    // Read surely, or not at the line's end, or a phrase of 3 characters cut to 2: no claim.
    expect(await codes([box('医師推', 10, 10)])).toEqual([]);
    expect(await codes([box('医師推の話', 10, 10, [0.88, 0.9, 0.65, 0.9, 0.9])])).toEqual([]);
    expect(await codes([box('正規', 10, 10, [0.6, 0.6])])).toEqual([]);
  });

  it('a marketplace ranking read in simplified kanji ("乐天1位")', async () => {
    expect(await codes([box('乐天1位', 10, 10)])).toContain('badge.claim');
  });
});
