import { describe, expect, it } from 'vitest';
import { parseCoupons } from './coupon-parser';

describe('parseCoupons', () => {
  it('reads 满X减Y rules with threshold and amount', () => {
    expect(parseCoupons('满200减30')).toEqual([expect.objectContaining({ kind: 'spend_save', threshold: '200', amount: '30' })]);
    expect(parseCoupons('每满300元减50元')[0]).toMatchObject({ threshold: '300', amount: '50' });
  });
  it('reads promo codes', () => {
    expect(parseCoupons('Use code SAVE20 at checkout')[0]).toMatchObject({ kind: 'promo_code', code: 'SAVE20' });
    expect(parseCoupons('优惠码：VIP888')[0]).toMatchObject({ kind: 'promo_code', code: 'VIP888' });
  });
  it.each(['领券', '优惠券', '立减', '券后', 'Coupon', 'VOUCHER', 'Spend $50 save $10'])('finds %s', (text) => {
    expect(parseCoupons(text).length).toBeGreaterThan(0);
  });
  it.each(['满意', 'code of conduct', 'QR code', 'Barcode 69012345', '满3减5', 'coupe glass'])('finds nothing in %s', (text) => {
    expect(parseCoupons(text)).toEqual([]);
  });
});
