import { describe, expect, it } from 'vitest';
import { frameBounds, minAreaFrame, scaleFrame, turnFrame } from './text-frame';

describe('text frames', () => {
  it('minAreaFrame finds a level rectangle from its rows', () => {
    const rows: Array<[number, number, number]> = [10, 11, 12].map((y) => [y, 5, 24]);
    expect(minAreaFrame(rows)).toEqual({ cx: 15, cy: 11.5, along: 20, across: 3, angle: 0 });
  });

  it('minAreaFrame follows a staircase line at its slope', () => {
    // A 3-pixel-thick line rising one row every 10 columns: about −5.7°.
    const rows: Array<[number, number, number]> = [];
    for (let k = 0; k < 10; k++) for (let j = 0; j < 3; j++) rows.push([20 - k + j, k * 10, k * 10 + 9]);
    const merged = new Map<number, [number, number, number]>();
    for (const [y, a, b] of rows) {
      const m = merged.get(y);
      merged.set(y, m ? [y, Math.min(m[1], a), Math.max(m[2], b)] : [y, a, b]);
    }
    const frame = minAreaFrame([...merged.values()]);
    expect((frame.angle * 180) / Math.PI).toBeCloseTo(-5.7, 0);
    expect(frame.along).toBeGreaterThan(frame.across * 10);
  });

  it('turning changes the reading direction, not the pixels covered; bounds are clipped to the image', () => {
    const f = { cx: 50, cy: 50, along: 40, across: 10, angle: 0 };
    expect(turnFrame(f, Math.PI / 2)).toMatchObject({ along: 10, across: 40 });
    expect(turnFrame(f, Math.PI)).toMatchObject({ along: 40, across: 10 });
    expect(frameBounds(turnFrame(f, Math.PI / 2), 100, 100)).toEqual({ x: 30, y: 45, width: 40, height: 10 });
    expect(frameBounds(f, 60, 100)).toEqual({ x: 30, y: 45, width: 30, height: 10 });
  });

  it('scaleFrame maps a frame between detector input and raster', () => {
    const f = scaleFrame({ cx: 10, cy: 20, along: 30, across: 6, angle: 0 }, 2, 3);
    expect(f).toEqual({ cx: 20, cy: 60, along: 60, across: 18, angle: 0 });
  });
});
