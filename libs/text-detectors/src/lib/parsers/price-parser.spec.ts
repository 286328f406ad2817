import { describe, expect, it } from 'vitest';
import { parseAmount, parsePrices } from './price-parser';

const one = (text: string) => {
  const found = parsePrices(text);
  expect(found, text).toHaveLength(1);
  return found[0];
};

describe('parsePrices', () => {
  it.each([
    ['$1,299.00', '1299', ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN']],
    ['US$5', '5', ['USD']],
    ['¥99', '99', ['CNY', 'JPY']],
    ['￥99', '99', ['CNY', 'JPY']],
    ['99元', '99', ['CNY']],
    ['9,99 €', '9.99', ['EUR']],
    ['€9.99', '9.99', ['EUR']],
    ['RMB 99', '99', ['CNY']],
    ['¥1.2万', '12000', ['CNY', 'JPY']],
    ['1.2万元', '12000', ['CNY']],
    ['₩12,900', '12900', ['KRW']],
    ['12,900원', '12900', ['KRW']],
    ['1.299,00 €', '1299', ['EUR']],
    ['£20', '20', ['GBP']],
    ['RM 57.80', '57.8', ['MYR']],
    ['HK$ 388', '388', ['HKD']],
  ])('reads %s', (text, amount, currencies) => {
    const p = one(text);
    expect(p.amount).toBe(amount);
    expect(p.currencies).toEqual(currencies);
  });

  it('finds prices inside Chinese and English sentences with their roles', () => {
    const cn = parsePrices('原价¥199 到手价¥99');
    expect(cn.map((p) => [p.amount, p.role])).toEqual([
      ['199', 'reference'],
      ['99', 'current'],
    ]);
    const en = parsePrices('WAS $199 NOW $49');
    expect(en.map((p) => [p.amount, p.role])).toEqual([
      ['199', 'reference'],
      ['49', 'current'],
    ]);
  });

  it('marks savings and coupon thresholds so they are not read as selling prices', () => {
    expect(parsePrices('立减30元').map((p) => p.role)).toEqual(['saving']);
    expect(parsePrices('满200元减30元').map((p) => p.role)).toEqual(['threshold', 'saving']);
    expect(parsePrices('$10 off').map((p) => p.role)).toEqual(['saving']);
  });

  it('reads a bare amount after a price word, without a currency', () => {
    const p = one('到手价99');
    expect(p).toMatchObject({ amount: '99', mark: null, currencies: [], role: 'current' });
    expect(one('UVP 13.99')).toMatchObject({ amount: '13.99', role: 'reference' });
  });

  it.each(['Model X200', 'Pack of 3', '2024-05-06', 'RAM 16GB', 'only 3 left in stock!', 'FARMASI 5', '100% cotton'])(
    'finds no price in %s',
    (text) => {
      expect(parsePrices(text).filter((p) => p.mark !== null)).toEqual([]);
    },
  );
});

describe('parseAmount', () => {
  it.each([
    ['1,299.00', '1299'],
    ['1.299,00', '1299'],
    ['9,99', '9.99'],
    ['12,900', '12900'],
    ['1 299,50', '1299.5'],
    ['0.99', '0.99'],
  ])('%s → %s', (raw, amount) => expect(parseAmount(raw)).toBe(amount));
  it('applies 万 and k multipliers exactly', () => {
    expect(parseAmount('1.2', '万')).toBe('12000');
    expect(parseAmount('12.8', 'w')).toBe('128000');
    expect(parseAmount('3.5', 'k')).toBe('3500');
  });
});
