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

describe('dbRegions on slanted lines', () => {
  /** A 200×12 kernel turned by `degrees` about (150, 100), drawn into a 300×200 map. */
  function slanted(degrees: number): Float32Array {
    const prob = new Float32Array(300 * 200);
    const t = (degrees * Math.PI) / 180;
    for (let y = 0; y < 200; y++) {
      for (let x = 0; x < 300; x++) {
        const u = (x + 0.5 - 150) * Math.cos(t) + (y + 0.5 - 100) * Math.sin(t);
        const v = -(x + 0.5 - 150) * Math.sin(t) + (y + 0.5 - 100) * Math.cos(t);
        if (Math.abs(u) <= 100 && Math.abs(v) <= 6) prob[y * 300 + x] = 0.9;
      }
    }
    return prob;
  }

  it('fits a tilted frame to a line slanted by 8°, its box around it', () => {
    const [region] = dbRegions(slanted(8), 300, 200);
    expect((region.frame.angle * 180) / Math.PI).toBeCloseTo(8, 0);
    // 200×12 kernel, d = 200·12·1.5 / (2·212) ≈ 8.5 px on every side.
    expect(region.frame.along).toBeCloseTo(217, -1);
    expect(region.frame.across).toBeCloseTo(29, -1);
    expect(region.height).toBeGreaterThan(50);
  });

  it('keeps a level line level', () => {
    const [region] = dbRegions(slanted(0), 300, 200);
    expect(region.frame.angle).toBe(0);
    expect(region.frame.across).toBeCloseTo(region.height, 5);
  });
});
