import { describe, expect, it } from 'vitest';
import { keyTextColour } from './text-colour-key';

type Rgb = [number, number, number];
const YELLOW: Rgb = [250, 213, 13];
const BLACK: Rgb = [20, 20, 20];
const WHITE: Rgb = [250, 250, 250];

/** A 100 × 40 line crop: left half black ground, right half white, and yellow "strokes" (columns 4 px
 * wide every 10 px) across the middle rows 8–31, as overlay text laid across two grounds. */
function yellowAcrossTwoGrounds(): { data: Buffer; width: number; height: number; channels: number } {
  const width = 100;
  const height = 40;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const stroke = y >= 8 && y < 32 && x % 10 < 4;
      const [r, g, b] = stroke ? YELLOW : x < 50 ? BLACK : WHITE;
      data.set([r, g, b], (y * width + x) * 3);
    }
  }
  return { data, width, height, channels: 3 };
}

describe('keyTextColour', () => {
  it('draws the text colour black and both grounds white, whatever their brightness', () => {
    const crop = yellowAcrossTwoGrounds();
    const keyed = keyTextColour(crop);
    if (!keyed) throw new Error('no text colour found');
    const at = (x: number, y: number) => keyed[y * crop.width + x];
    expect([at(1, 20), at(51, 20)]).toEqual([0, 0]); // strokes over black and over white
    expect([at(6, 20), at(56, 20), at(1, 2), at(51, 38)]).toEqual([255, 255, 255, 255]); // grounds
  });

  it('finds no text colour in a crop that is its ground alone', () => {
    const width = 60;
    const height = 30;
    const data = Buffer.alloc(width * height * 3, 200);
    expect(keyTextColour({ data, width, height, channels: 3 })).toBeNull();
  });

  it('leaves a grey crop alone', () => {
    expect(keyTextColour({ data: Buffer.alloc(60 * 30, 0), width: 60, height: 30, channels: 1 })).toBeNull();
  });
});
