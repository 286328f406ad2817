import { describe, expect, it } from 'vitest';
import { maskContact } from './mask-contact';

describe('maskContact', () => {
  it('keeps the first three and last two digits of a phone number', () => {
    expect(maskContact('+8613800138000')).toBe('+861********00');
    expect(maskContact('13800138000')).toBe('138******00');
  });
  it('masks the local part of an email, keeps the domain', () => {
    expect(maskContact('shop.owner@example.com')).toBe('s***@example.com');
  });
  it('masks a URL down to a hint of its host', () => {
    expect(maskContact('https://cheapdeals.shop/item/1')).toBe('che***.shop');
    expect(maskContact('www.vivopac.com')).toBe('viv***.com');
  });
  it('masks a handle', () => {
    expect(maskContact('shop_888')).toBe('sh***');
    expect(maskContact('shop_888')).not.toContain('888');
  });
});
