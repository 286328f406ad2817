import { describe, expect, it } from 'vitest';
import { parseCoupons } from './coupon-parser';
import { foldOcrConfusions } from './ocr-confusions';
import { parsePrices } from './price-parser';
import { parseReferenceClaims } from './reference-claim-parser';

describe('foldOcrConfusions', () => {
  it.each([
    ['WAS $99 N0W $49', 'WAS $99 NOW $49'],
    ['C0UP0N', 'COUPON'],
    ['$4O.99', '$40.99'],
    ['$l9.99', '$19.99'],
    ['1OO% genuine', '100% genuine'],
    ['SAVE10 at checkout', 'SAVE10 at checkout'],
    ['Model X200', 'Model X200'],
    ['IO O2 lol', 'IO O2 lol'],
    ['满200减30领券', '满200减30领券'],
    ['直播中 12.8万人观看', '直播中 12.8万人观看'],
  ])('%s → %s', (input, folded) => {
    expect(foldOcrConfusions(input)).toBe(folded);
  });

  it('never changes the length, so match positions stay on what was read', () => {
    for (const s of ['N0W', '$4O.99', '￥l99', 'a1b0c', '😀 N0W']) expect(foldOcrConfusions(s).length).toBe(s.length);
  });
});

describe('parsers read through O/0 and I/1 confusions', () => {
  it('WAS $99 N0W $49: a was/now claim with its reference and current price', () => {
    const line = 'WAS $99 N0W $49';
    expect(parseReferenceClaims(line).map((c) => [c.kind, line.slice(c.start, c.end)])).toEqual([
      ['was_now', 'WAS'],
      ['was_now', 'N0W'],
    ]);
    expect(parsePrices(line).map((p) => [p.amount, p.role])).toEqual([
      ['99', 'reference'],
      ['49', 'current'],
    ]);
  });

  it('a misread amount is read as the number it shows, and a coupon word as the word', () => {
    expect(parsePrices('ONLY $l9.99').map((p) => p.amount)).toEqual(['19.99']);
    expect(parseCoupons('C0UP0N inside').map((c) => c.kind)).toEqual(['coupon_word']);
  });

  it('a promo code is kept exactly as read', () => {
    expect(parseCoupons('Use code AB0CD').map((c) => c.code)).toEqual(['AB0CD']);
  });
});
