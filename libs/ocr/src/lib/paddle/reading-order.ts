import type { Rect } from './raster';

/**
 * Lines in reading order: top to bottom, and left to right within a row. Boxes on one printed row
 * rarely share a top edge ("TOTAL" at y 100, its amount at 102), so ordering by y alone lets a line of
 * another column fall between them; two lines whose vertical centres lie within half the smaller one's
 * height are one row (PaddleOCR's sorted_boxes uses a fixed 10 px for the same).
 */
export function readingOrder<T extends { box: Rect }>(lines: readonly T[]): T[] {
  const centre = (l: T) => l.box.y + l.box.height / 2;
  const sorted = [...lines].sort((a, b) => centre(a) - centre(b) || a.box.x - b.box.x);
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0; j--) {
      const [above, line] = [sorted[j - 1], sorted[j]];
      const sameRow = Math.abs(centre(line) - centre(above)) < Math.min(line.box.height, above.box.height) / 2;
      if (!sameRow || line.box.x >= above.box.x) break;
      sorted[j - 1] = line;
      sorted[j] = above;
    }
  }
  return sorted;
}
