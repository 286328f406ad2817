import { describe, expect, it } from 'vitest';
import { DEFAULT_PREPROCESS } from './ocr-options';
import { planTiles } from './tile-plan';

describe('planTiles', () => {
  it('sends an ordinary photo whole, upscaling a small one', () => {
    expect(planTiles(1200, 900, DEFAULT_PREPROCESS)).toMatchObject({ scale: 1, tiles: [{ top: 0, height: 900 }] });
    const small = planTiles(400, 300, DEFAULT_PREPROCESS);
    expect(small.scale).toBe(2.5);
    expect(small.tiles).toHaveLength(1);
  });

  it('cuts a 750×12000 page into overlapping bands that cover it, each owning half of each overlap', () => {
    const plan = planTiles(750, 12000, DEFAULT_PREPROCESS);
    expect(plan.tiles.length).toBeGreaterThan(5);
    expect(plan.tiles[0].top).toBe(0);
    const last = plan.tiles[plan.tiles.length - 1];
    expect(last.top + last.height).toBe(plan.height);
    for (let i = 1; i < plan.tiles.length; i++) {
      const prev = plan.tiles[i - 1];
      const cur = plan.tiles[i];
      expect(prev.top + prev.height - cur.top).toBeGreaterThanOrEqual(DEFAULT_PREPROCESS.tileOverlap);
      expect(cur.ownTop).toBe(prev.ownBottom);
    }
    expect(plan.tiles[0].ownTop).toBe(0);
    expect(last.ownBottom).toBe(plan.height);
  });

  it('keeps the total OCR pixels under the cap', () => {
    for (const [w, h] of [
      [4961, 7016],
      [750, 12000],
      [1000, 30000],
    ]) {
      const plan = planTiles(w, h, DEFAULT_PREPROCESS);
      const pixels = plan.tiles.reduce((sum, t) => sum + t.height * plan.width, 0);
      expect(pixels).toBeLessThanOrEqual(DEFAULT_PREPROCESS.maxOcrPixels * 1.01);
    }
  });

  it('does not tile a page just under the aspect limit', () => {
    expect(planTiles(1000, 2900, DEFAULT_PREPROCESS).tiles).toHaveLength(1);
  });
});
