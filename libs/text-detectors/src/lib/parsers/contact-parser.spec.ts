import { describe, expect, it } from 'vitest';
import { parseContacts } from './contact-parser';

const first = (text: string) => parseContacts(text)[0];

describe('parseContacts', () => {
  it.each([
    ['+86 138 0013 8000', 'phone', '+8613800138000'],
    ['13800138000', 'phone', '13800138000'],
    ['Tel: 03-91334364', 'phone', '0391334364'],
    ['电话：0755-8888 6666', 'phone', '075588886666'],
    ['+1 (415) 555-0100', 'phone', '+14155550100'],
    ['shop@example.com', 'email', 'shop@example.com'],
    ['https://bit.ly/3abcDEF', 'url', 'bit.ly'],
    ['www.vivopac.com', 'url', 'www.vivopac.com'],
    ['visit cheapdeals.shop today', 'url', 'cheapdeals.shop'],
    ['WeChat: shop_888', 'wechat', 'shop_888'],
    ['VX：abc12345', 'wechat', 'abc12345'],
    ['加V 13800138000', 'wechat', '13800138000'],
    ['微信号 lucky2024', 'wechat', 'lucky2024'],
    ['WhatsApp +852 9123 4567', 'whatsapp', '+85291234567'],
    ['Telegram @deals_hk', 'telegram', 'deals_hk'],
    ['LINE ID: shop.tw', 'line', 'shop.tw'],
    ['QQ 123456789', 'qq', '123456789'],
    ['旺旺：小店shop', 'wangwang', null],
  ])('%s is a %s contact', (text, kind, value) => {
    expect(first(text)).toMatchObject({ kind, value });
  });

  it('reads a bare Chinese invitation without a handle', () => {
    expect(first('加微信咨询')).toMatchObject({ kind: 'wechat', value: null });
  });

  it.each(['Price 1299.00', '2024-05-06', 'Model 12345678', 'GST ID: 0016 6993 5104', 'Batch 20231108', 'SKU 6901234567', 'Online', 'Lines of text', '1.79'])(
    'finds no contact in %s',
    (text) => {
      expect(parseContacts(text)).toEqual([]);
    },
  );
});

describe('phone numbers in local formats (receipts, storefronts)', () => {
  it.each([
    ['03-5521 2268', '0355212268'],
    ['TEL: 07-3254 1188', '0732541188'],
    ['(852) 2345 6789', '85223456789'],
    ['Tel. 089 / 12 34 56', '089123456'],
    ['Phone:+60 3-2141 8888', '+60321418888'],
    ['Tel: 03 - 5521 2268', '0355212268'],
    ['T: 0800 123 4567', '08001234567'],
    ['Telefon: 030 12345678', '03012345678'],
    ['CALL 555.123.4567', '5551234567'],
  ])('%s → %s', (text, value) => {
    expect(parseContacts(text).map((c) => [c.kind, c.value])).toEqual([['phone', value]]);
  });

  it.each(['Order 2023-10-12 total 1.299.000', 'Hotel 0355212268', 'SKU 4006381333931', '12.99 19.99 24.99'])('%s is no phone', (text) => {
    expect(parseContacts(text)).toEqual([]);
  });
});

describe('an email read with an O as 0', () => {
  it('"deal_982@gmail.c0m" is deal_982@gmail.com', () => {
    expect(parseContacts('Email: deal_982@gmail.c0m')).toEqual([expect.objectContaining({ kind: 'email', value: 'deal_982@gmail.com', raw: 'deal_982@gmail.c0m' })]);
  });
});
