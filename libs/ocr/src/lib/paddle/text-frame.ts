import type { Rect } from './raster';

/**
 * A text line's rectangle, possibly rotated: centred at (cx, cy), `along` long in the reading direction
 * `angle` (radians, image coordinates: x right, y down, so a positive angle runs down to the right) and
 * `across` thick. Angle 0 reads left to right, π upside down, π/2 top to bottom (vertical CJK).
 */
export interface TextFrame {
  cx: number;
  cy: number;
  along: number;
  across: number;
  angle: number;
}

type Point = [number, number];

/** Below this tilt a line is treated as level: its axis-aligned box is the frame (≈ 2°). */
export const LEVEL_TILT = 0.035;

export function frameOfRect(r: Rect): TextFrame {
  return { cx: r.x + r.width / 2, cy: r.y + r.height / 2, along: r.width, across: r.height, angle: 0 };
}

/** The axis-aligned box around a frame, clipped to a width × height image. */
export function frameBounds(f: TextFrame, width: number, height: number): Rect {
  const c = Math.abs(Math.cos(f.angle));
  const s = Math.abs(Math.sin(f.angle));
  const halfW = (f.along * c + f.across * s) / 2;
  const halfH = (f.along * s + f.across * c) / 2;
  const x0 = Math.max(0, f.cx - halfW);
  const y0 = Math.max(0, f.cy - halfH);
  const x1 = Math.min(width, f.cx + halfW);
  const y1 = Math.min(height, f.cy + halfH);
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** The same frame with its reading direction turned by `turn` radians (its sides swap at ±π/2). */
export function turnFrame(f: TextFrame, turn: number): TextFrame {
  const quarter = Math.round(turn / (Math.PI / 2)) % 2 !== 0;
  return { ...f, angle: f.angle + turn, along: quarter ? f.across : f.along, across: quarter ? f.along : f.across };
}

/** A frame measured in one image, in another scaled by (sx, sy) (the detector's input is resized per axis). */
export function scaleFrame(f: TextFrame, sx: number, sy: number): TextFrame {
  const c = Math.cos(f.angle);
  const s = Math.sin(f.angle);
  return {
    cx: f.cx * sx,
    cy: f.cy * sy,
    along: f.along * Math.hypot(sx * c, sy * s),
    across: f.across * Math.hypot(sx * s, sy * c),
    angle: Math.atan2(sy * s, sx * c),
  };
}

/**
 * The smallest-area rectangle around a pixel component, given each of its rows' [first, last] column
 * (rotating calipers over the convex hull of the pixels' corners), as a frame whose angle lies in
 * (−π/4, π/4]: PaddleOCR fits the same rectangle (cv2.minAreaRect) so a slanted line is cropped along
 * its slant instead of in a box that also holds its neighbours.
 */
export function minAreaFrame(rows: ReadonlyArray<[y: number, x0: number, x1: number]>): TextFrame {
  const points: Point[] = [];
  for (const [y, x0, x1] of rows) points.push([x0, y], [x1 + 1, y], [x0, y + 1], [x1 + 1, y + 1]);
  const hull = convexHull(points);
  let best: TextFrame | null = null;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const [ax, ay] = hull[i];
    const [bx, by] = hull[(i + 1) % hull.length];
    const len = Math.hypot(bx - ax, by - ay);
    if (len === 0) continue;
    const ux = (bx - ax) / len;
    const uy = (by - ay) / len;
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const [px, py] of hull) {
      const u = px * ux + py * uy;
      const v = -px * uy + py * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea - 1e-9) {
      bestArea = area;
      const mu = (minU + maxU) / 2;
      const mv = (minV + maxV) / 2;
      best = normalise({ cx: mu * ux - mv * uy, cy: mu * uy + mv * ux, along: maxU - minU, across: maxV - minV, angle: Math.atan2(uy, ux) });
    }
  }
  return best ?? { cx: 0, cy: 0, along: 0, across: 0, angle: 0 };
}

/** The same rectangle named with its angle in (−π/4, π/4]. */
function normalise(f: TextFrame): TextFrame {
  let { angle } = f;
  let swapped = false;
  while (angle > Math.PI / 4) {
    angle -= Math.PI / 2;
    swapped = !swapped;
  }
  while (angle <= -Math.PI / 4) {
    angle += Math.PI / 2;
    swapped = !swapped;
  }
  return swapped ? { ...f, angle, along: f.across, across: f.along } : { ...f, angle };
}

/** Andrew's monotone chain, counter-clockwise, without collinear points. */
function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}
