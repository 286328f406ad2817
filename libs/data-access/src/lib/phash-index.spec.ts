import { describe, expect, it } from 'vitest';
import { bandRadii, phashBands, phashToInt, valuesWithin } from './phash-index';

describe('pHash helpers', () => {
  it('reads the hash as a signed int64 and four 16-bit bands, most significant first', () => {
    expect(phashToInt('0000000000000001')).toBe(1n);
    expect(phashToInt('ffffffffffffffff')).toBe(-1n);
    expect(phashToInt('8000000000000000')).toBe(-(2n ** 63n));
    expect(phashBands('0123456789abcdef')).toEqual([0x0123, 0x4567, 0x89ab, 0xcdef]);
    expect(() => phashBands('xyz')).toThrow(/64-bit hex/);
  });

  it('searches radii whose pigeonhole budget is exactly t + 1', () => {
    expect(bandRadii(12)).toEqual([2, 2, 2, 3]);
    expect(bandRadii(0)).toEqual([-1, -1, -1, 0]);
    for (let t = 0; t <= 20; t++) expect(bandRadii(t).reduce((s, r) => s + r + 1, 0)).toBe(t + 1);
    expect(new Set(valuesWithin(0xbeef, 3)).size).toBe(697);
    expect(valuesWithin(0xbeef, 2)).toHaveLength(137);
  });
});
