import { describe, expect, it } from 'vitest';
import { DETECTION_PLAN_DEFAULTS, planDetection } from './detection-plan';

describe('planDetection', () => {
  it('reads an ordinary photo in one pass, long side at the limit, sides multiples of 32', () => {
    const [tile, ...rest] = planDetection(1000, 800);
    expect(rest).toEqual([]);
    expect(tile.inputWidth).toBe(960);
    expect(tile.inputHeight % 32).toBe(0);
  });

  it('never cuts a wide banner (its lines would be read in pieces)', () => {
    expect(planDetection(800, 260)).toHaveLength(1);
    expect(planDetection(6000, 200)).toHaveLength(1);
  });

  it('cuts a 750×12000 page into overlapping tiles that own every row exactly once', () => {
    const tiles = planDetection(750, 12000);
    expect(tiles.length).toBeGreaterThan(10);
    expect(tiles[0].ownFrom).toBe(-Infinity);
    expect(tiles[tiles.length - 1].ownTo).toBe(Infinity);
    for (let i = 1; i < tiles.length; i++) {
      expect(tiles[i].ownFrom).toBe(tiles[i - 1].ownTo);
      // Overlap: each tile starts before the previous one ends.
      expect(tiles[i].rect.y).toBeLessThan(tiles[i - 1].rect.y + tiles[i - 1].rect.height);
    }
    expect(tiles[tiles.length - 1].rect.y + tiles[tiles.length - 1].rect.height).toBe(12000);
  });

  it('bounds the passes whatever the shape (a 1×10,000,000 strip)', () => {
    expect(planDetection(1, 10_000_000).length).toBeLessThanOrEqual(DETECTION_PLAN_DEFAULTS.maxTiles);
  });
});
