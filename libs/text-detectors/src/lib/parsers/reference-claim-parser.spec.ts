import { describe, expect, it } from 'vitest';
import { parseReferenceClaims } from './reference-claim-parser';

describe('parseReferenceClaims', () => {
  it.each([
    ['-70%', 'percent_off', 70],
    ['−30 %', 'percent_off', 30],
    ['70% OFF', 'percent_off', 70],
    ['Save 25%', 'percent_off', 25],
    ['立省40%', 'percent_off', 40],
    ['3折', 'zhe', 70],
    ['7.5折', 'zhe', 25],
    ['五折', 'zhe', 50],
    ['Half Price', 'half_price', 50],
    ['半价', 'half_price', 50],
  ])('%s is a %s claim of %d %% off', (text, kind, percentOff) => {
    expect(parseReferenceClaims(text)).toEqual([expect.objectContaining({ kind, percentOff, upTo: false })]);
  });

  it.each(['WAS $199', 'Now: $49', 'RRP £30', 'UVP 13.99', 'MSRP', '原价¥199', '日常价', '券后价', '到手价99', '现价'])(
    '%s is a was/now claim',
    (text) => {
      expect(parseReferenceClaims(text).map((c) => c.kind)).toContain('was_now');
    },
  );

  it('marks "up to" ceilings', () => {
    expect(parseReferenceClaims('Up to 70% OFF')[0]).toMatchObject({ percentOff: 70, upTo: true });
    expect(parseReferenceClaims('低至3折')[0]).toMatchObject({ percentOff: 70, upTo: true });
  });

  it.each(['Buy Now', 'It was great', '100% cotton', '折叠椅', 'humidity 45%', 'GST @ 6%', 'Wasserflasche 1L', '3-5 days'])(
    'finds no claim in %s',
    (text) => {
      expect(parseReferenceClaims(text)).toEqual([]);
    },
  );
});
