import { describe, expect, it } from 'vitest';
import { mergePieces, packRows, type PlacedChar, RECOGNITION_DEFAULTS, type RecPiece, splitLine } from './rec-plan';

const level = (along: number, across: number) => ({ cx: along / 2 + 100, cy: 50, along, across, angle: 0 });

describe('splitLine', () => {
  it('reads a line up to maxWidth whole', () => {
    const [piece, ...rest] = splitLine(level(330, 10), 0, RECOGNITION_DEFAULTS);
    expect(rest).toHaveLength(0);
    expect(piece.width).toBe(Math.ceil((48 * 330) / 10));
  });

  it('cuts a long line into overlapping chunks that cover it and own disjoint parts', () => {
    const frame = level(1000, 10); // 4,800 columns at height 48
    const pieces = splitLine(frame, 3, RECOGNITION_DEFAULTS);
    expect(pieces).toHaveLength(4);
    expect(pieces.every((p) => p.width === 1600 && p.line === 3)).toBe(true);
    const pxPerColumn = 1000 / 4800;
    expect(pieces[0].frame.cx - pieces[0].frame.along / 2).toBeCloseTo(frame.cx - 500);
    expect(pieces[3].offset + pieces[3].frame.along).toBeCloseTo(1000);
    for (let i = 1; i < pieces.length; i++) {
      const overlap = pieces[i - 1].offset + pieces[i - 1].frame.along - pieces[i].offset;
      expect(overlap).toBeGreaterThanOrEqual(144 * pxPerColumn - 1e-9);
      // Each chunk's part ends where the next one's begins, inside their overlap.
      expect(pieces[i - 1].keepTo).toBeCloseTo(pieces[i].keepFrom);
      expect(pieces[i].keepFrom).toBeGreaterThan(pieces[i].offset);
      expect(pieces[i].keepFrom).toBeLessThan(pieces[i - 1].offset + pieces[i - 1].frame.along);
    }
  });

  it('bounds a 1e6 × 12 strip to maxChunks inputs of maxWidth columns', () => {
    const pieces = splitLine(level(1_000_000, 12), 0, RECOGNITION_DEFAULTS);
    expect(pieces).toHaveLength(RECOGNITION_DEFAULTS.maxChunks);
    expect(pieces.reduce((s, p) => s + p.width, 0)).toBe(RECOGNITION_DEFAULTS.maxChunks * RECOGNITION_DEFAULTS.maxWidth);
    expect(pieces[pieces.length - 1].offset + pieces[pieces.length - 1].frame.along).toBeCloseTo(1_000_000);
  });
});

describe('mergePieces', () => {
  it('keeps a character both chunks read once, from the chunk that owns its centre', () => {
    const [a, b] = splitLine(level(500, 10), 0, { ...RECOGNITION_DEFAULTS, maxWidth: 1600 }); // 2,400 columns: 2 chunks
    const cut = a.keepTo;
    const c = (char: string, from: number): PlacedChar => ({ char, score: 0.9, from, to: from + 8 });
    // "X" straddles nothing: it sits inside the overlap, so both chunks read it.
    const merged = mergePieces([
      { piece: b, chars: [c('X', cut - 20), c('Y', cut + 10), c('Z', 480)] },
      { piece: a, chars: [c('A', 10), c('X', cut - 21), c('Y', cut + 9)] },
    ]);
    expect(merged.map((m) => m.char).join('')).toBe('AXYZ');
  });
});

describe('packRows', () => {
  const piece = (line: number, width: number): RecPiece => ({ line, frame: level(width, 48), width, offset: 0, keepFrom: -Infinity, keepTo: Infinity });

  it('puts short lines side by side, each after a gap on a step boundary, rows no wider than minWidth', () => {
    const rows = packRows([piece(0, 100), piece(1, 90), piece(2, 500), piece(3, 60), piece(4, 200)], { ...RECOGNITION_DEFAULTS, gap: 24 });
    expect(rows.map((r) => r.width)).toEqual([...rows.map((r) => r.width)].sort((a, b) => a - b));
    expect(rows.flatMap((r) => r.pieces.map((p) => p.piece.line)).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const row of rows) {
      expect(row.width <= 320 || row.pieces.length === 1).toBe(true);
      row.pieces.forEach(({ x }, j) => {
        expect(x % 8).toBe(0);
        if (j > 0) expect(x - (row.pieces[j - 1].x + row.pieces[j - 1].piece.width)).toBeGreaterThanOrEqual(24);
      });
    }
    expect(rows.length).toBeLessThan(5);
  });

  it('gives every piece its own row when packing is off', () => {
    expect(packRows([piece(0, 100), piece(1, 90)], { ...RECOGNITION_DEFAULTS, gap: 0 })).toHaveLength(2);
  });
});
