import { describe, expect, it } from 'vitest';
import { dbRegions } from './db-postprocess';

/** A probability map with filled rectangles of the given probability. */
function map(width: number, height: number, rects: Array<[number, number, number, number, number]>): Float32Array {
  const prob = new Float32Array(width * height);
  for (const [x, y, w, h, p] of rects) for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) prob[j * width + i] = p;
  return prob;
}

describe('dbRegions', () => {
  it('finds each text kernel and grows it by the DB unclip distance', () => {
    const regions = dbRegions(map(100, 60, [[10, 10, 40, 6, 0.9], [10, 40, 20, 6, 0.8]]), 100, 60);
    expect(regions).toHaveLength(2);
    // 40×6 kernel: d = 40·6·1.5 / (2·46) ≈ 3.9 px on every side.
    expect(regions[0].x).toBeCloseTo(10 - 3.91, 1);
    expect(regions[0].width).toBeCloseTo(40 + 2 * 3.91, 1);
    expect(regions[0].score).toBeCloseTo(0.9, 5);
  });

  it('drops faint regions (mean below the box threshold) and specks thinner than the minimum side', () => {
    const regions = dbRegions(map(100, 60, [[10, 10, 40, 6, 0.4], [60, 10, 30, 2, 0.9]]), 100, 60);
    expect(regions).toEqual([]);
  });

  it('joins diagonal neighbours into one region (8-connected)', () => {
    const regions = dbRegions(map(40, 40, [[5, 5, 5, 5, 0.9], [10, 10, 5, 5, 0.9]]), 40, 40);
    expect(regions).toHaveLength(1);
  });
});
