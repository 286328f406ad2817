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

  it('reads an arrow from the old price to the new as was/now, and a bare percentage beside it as its claim', () => {
    expect(parseReferenceClaims('$149 → $104.30').map((c) => [c.kind, c.raw])).toEqual([['was_now', '$149 → $104.30']]);
    expect(parseReferenceClaims('60% $149 → $104.30')).toEqual([
      expect.objectContaining({ kind: 'percent_off', percentOff: 60, raw: '60%' }),
      expect.objectContaining({ kind: 'was_now' }),
    ]);
    expect(parseReferenceClaims('¥299->¥199 (33%)').map((c) => c.percentOff)).toEqual([null, 33]);
    // A claim with its minus is read once.
    expect(parseReferenceClaims('-60% $149 → $104.30').filter((c) => c.kind === 'percent_off')).toHaveLength(1);
  });

  it('marks "up to" ceilings', () => {
    expect(parseReferenceClaims('Up to 70% OFF')[0]).toMatchObject({ percentOff: 70, upTo: true });
    expect(parseReferenceClaims('低至3折')[0]).toMatchObject({ percentOff: 70, upTo: true });
  });

  it.each(['Buy Now', 'It was great', '100% cotton', '折叠椅', 'humidity 45%', 'GST @ 6%', 'Wasserflasche 1L', '3-5 days', '70% cocoa', '60% 149g', 'Step 1 → Step 2', '2 → 4 cups'])(
    'finds no claim in %s',
    (text) => {
      expect(parseReferenceClaims(text)).toEqual([]);
    },
  );
});
