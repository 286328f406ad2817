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
  it('reads a Japanese or Korean "code" followed by a code, whatever was read before it', () => {
    expect(parseCoupons('クーボジシコードEXTRA2025')[0]).toMatchObject({ kind: 'promo_code', code: 'EXTRA2025' });
    expect(parseCoupons('クーポンコード GIFT2025')[0]).toMatchObject({ kind: 'promo_code', raw: 'クーポンコード GIFT2025' });
    expect(parseCoupons('쿠폰 코드 VIP10')[0]).toMatchObject({ kind: 'promo_code', code: 'VIP10' });
    expect(parseCoupons('할인코드:SALE30')[0]).toMatchObject({ code: 'SALE30' });
  });
  it('reads coupon words glued to the word before them', () => {
    expect(parseCoupons('Extra savings withvoucher')[0]).toMatchObject({ kind: 'coupon_word', raw: 'withvoucher' });
    expect(parseCoupons('Getcoupon')[0]).toMatchObject({ kind: 'coupon_word' });
  });
  it.each(['领券', '优惠券', '立减', '券后', 'Coupon', 'VOUCHER', 'Spend $50 save $10'])('finds %s', (text) => {
    expect(parseCoupons(text).length).toBeGreaterThan(0);
  });
  it.each(['满意', 'code of conduct', 'QR code', 'Barcode 69012345', '满3减5', 'coupe glass', 'QRコード A1B2C3', 'バーコード 4901234567890', 'JANコード4901234567890', '商品コード AB1234', 'カラーコード FF0000', 'QR 코드 AB12', '상품코드 12345678', 'unwithvouchers'])('finds nothing in %s', (text) => {
    expect(parseCoupons(text)).toEqual([]);
  });
});
