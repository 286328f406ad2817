import { describe, expect, it } from 'vitest';
import { findColourPanels, panelPixels, type RawPixels } from './colour-panels';

type Rgb = [number, number, number];

/** A width×height RGB image of `background` with filled rectangles drawn in order. */
function image(width: number, height: number, background: Rgb, rects: Array<{ x: number; y: number; w: number; h: number; rgb: Rgb }> = []): RawPixels {
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(background, i * 3);
  for (const r of rects) {
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) data.set(r.rgb, (y * width + x) * 3);
  }
  return { data, width, height, channels: 3 };
}

const RED: Rgb = [224, 36, 94];
const DARK: Rgb = [34, 34, 34];
const WHITE: Rgb = [255, 255, 255];

describe('findColourPanels', () => {
  it('finds a red badge on a dark screen, with its box and colour', () => {
    const screen = image(720, 1280, DARK, [{ x: 30, y: 40, w: 120, h: 56, rgb: RED }, { x: 50, y: 55, w: 80, h: 26, rgb: WHITE }]);
    const panels = findColourPanels(screen);
    expect(panels).toHaveLength(1);
    const [panel] = panels;
    // The sampling grid is 5 px here: the box is the badge to within a cell.
    expect(Math.abs(panel.x - 30)).toBeLessThanOrEqual(5);
    expect(Math.abs(panel.y - 40)).toBeLessThanOrEqual(5);
    expect(Math.abs(panel.width - 120)).toBeLessThanOrEqual(10);
    expect(Math.abs(panel.height - 56)).toBeLessThanOrEqual(10);
    expect(panel.colour).toEqual(RED);
  });

  it('ignores grey and white, panels too small, and a colour that is the whole background', () => {
    expect(findColourPanels(image(400, 400, WHITE, [{ x: 10, y: 10, w: 200, h: 100, rgb: [128, 128, 128] }]))).toEqual([]);
    expect(findColourPanels(image(400, 400, WHITE, [{ x: 10, y: 10, w: 20, h: 10, rgb: RED }]))).toEqual([]);
    expect(findColourPanels(image(400, 400, RED, [{ x: 10, y: 10, w: 100, h: 50, rgb: WHITE }]))).toEqual([]);
  });

  it('ignores scattered colour (a photo), keeping only solid panels', () => {
    const speckled = image(400, 400, WHITE);
    for (let y = 0; y < 200; y += 4) for (let x = 0; x < 200; x += 4) if ((x + y) % 8 === 0) speckled.data.set(RED, (y * 400 + x) * 3);
    expect(findColourPanels(speckled)).toEqual([]);
  });

  it('returns the largest panels first, at most maxPanels', () => {
    const rects = Array.from({ length: 8 }, (_, i) => ({ x: 10, y: 10 + i * 45, w: 60 + i * 10, h: 30, rgb: RED }));
    const panels = findColourPanels(image(400, 400, WHITE, rects));
    expect(panels).toHaveLength(6);
    expect(panels[0].width).toBeGreaterThan(panels[5].width);
  });
});

describe('panelPixels', () => {
  it('turns the panel colour white and text of any other colour dark', () => {
    const badge = image(100, 40, DARK, [{ x: 0, y: 0, w: 100, h: 40, rgb: RED }, { x: 10, y: 10, w: 5, h: 5, rgb: WHITE }, { x: 30, y: 10, w: 5, h: 5, rgb: [255, 215, 0] }]);
    const grey = panelPixels(badge, { x: 0, y: 0, width: 100, height: 40, colour: RED });
    expect(grey.data[0]).toBe(255);
    expect(grey.data[12 * 100 + 12]).toBe(0);
    expect(grey.data[12 * 100 + 32]).toBe(0);
  });
});

describe('findColourPanels budget', () => {
  it('keeps all panels together under maxShareOfImage of the image', () => {
    const rects = [0, 1, 2].map((i) => ({ x: 10, y: 10 + i * 130, w: 380, h: 120, rgb: RED }));
    const panels = findColourPanels(image(400, 400, WHITE, rects));
    // Each is 28.5 % of the image: a second one would take them past half.
    expect(panels).toHaveLength(1);
  });
});
