import { describe, expect, it } from 'vitest';
import { toWord } from './paddle-text-reader';

describe('toWord', () => {
  it('folds full-width forms (NFKC) and keeps each character on its own x range', () => {
    const word = toWord({
      text: '特价￥９９ ',
      confidence: 0.91234,
      box: { x: 10, y: 5, width: 120, height: 30 },
      chars: [[10, 30], [30, 50], [52, 70], [72, 90], [92, 110], [112, 128]],
      charConfidence: [0.99, 0.98, 0.97, 0.96, 0.55, 0.9],
    });
    expect(word.text).toBe('特价¥99');
    expect(word.charX).toEqual([[10, 30], [30, 50], [52, 70], [72, 90], [92, 110]]);
    expect(word.charConfidence).toEqual([0.99, 0.98, 0.97, 0.96, 0.55]);
    expect(word.confidence).toBe(0.912);
  });

  it('a line read without character ranges (vertical) has none', () => {
    expect(toWord({ text: '直播中', confidence: 0.9, box: { x: 0, y: 0, width: 30, height: 90 }, chars: null, charConfidence: null }).charX).toBeUndefined();
  });
});
