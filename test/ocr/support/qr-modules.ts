import type { Box } from '@listinglens/contracts';

/**
 * A QR code for "https://wa.me/85291234567" as modules ('#' dark), made once with
 * `qrencode -t ASCII -m 0 -l M` so the tests need no QR encoder to draw one.
 */
export const WHATSAPP_QR_PAYLOAD = 'https://wa.me/85291234567';
const MODULES = [
  '#######..##..###..#######',
  '#.....#.#..#....#.#.....#',
  '#.###.#..#..###...#.###.#',
  '#.###.#...##.#.#..#.###.#',
  '#.###.#.##..##..#.#.###.#',
  '#.....#..#..####..#.....#',
  '#######.#.#.#.#.#.#######',
  '..........#..............',
  '#.#.#.#..#.##.#.#...#..#.',
  '###.##.#...###..###.....#',
  '#.....#...#..##...##..###',
  '...#...####....##......#.',
  '...#.##.#..#.####.##.#.##',
  '.#...#.#..##.###.##..#..#',
  '#.#...##.##..##.##.#..###',
  '.##.#...##.#.###.##.#..#.',
  '#....##.#...#.#.######...',
  '........##.##..##...##.##',
  '#######..#.##..##.#.##.##',
  '#.....#.....##.##...##...',
  '#.###.#.##.#..#.######.#.',
  '#.###.#...##.......#####.',
  '#.###.#.###..#.##...#...#',
  '#.....#...##...##.#.##.#.',
  '#######.#.#.#..#####...##',
];

/** The QR's dark modules as rectangles at (x, y), `module` px each, plus its outer box. */
export function qrRects(x: number, y: number, module: number): { rects: (Box & { color: string })[]; box: Box } {
  const rects: (Box & { color: string })[] = [];
  MODULES.forEach((row, r) =>
    [...row].forEach((cell, c) => {
      if (cell === '#') rects.push({ x: x + c * module, y: y + r * module, width: module, height: module, color: '#000' });
    }),
  );
  return { rects, box: { x, y, width: MODULES.length * module, height: MODULES.length * module } };
}
