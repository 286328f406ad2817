import { describe, expect, it } from 'vitest';
import { ctcGreedyDecode } from './ctc-decode';

/** Softmax rows where `best[t]` has probability p at step t. */
function probs(best: number[], classes: number, p = 0.9): Float32Array {
  const out = new Float32Array(best.length * classes).fill((1 - p) / (classes - 1));
  best.forEach((c, t) => (out[t * classes + c] = p));
  return out;
}

describe('ctcGreedyDecode', () => {
  const alphabet = ['¥', '9', ' '];

  it('collapses repeats, drops blanks, and keeps a blank-separated double letter', () => {
    const line = ctcGreedyDecode(probs([0, 1, 1, 0, 2, 0, 2, 2, 0], 4), 0, 9, 4, alphabet);
    expect(line.text).toBe('¥99');
    expect(line.columns).toEqual([[1, 3], [4, 5], [6, 8]]);
    expect(line.confidence).toBeCloseTo(0.9, 5);
  });

  it('reads from an offset and only the given steps (the padding after a line is not decoded)', () => {
    const batch = new Float32Array([...probs([0, 0], 4), ...probs([2, 0, 1, 1], 4)]);
    expect(ctcGreedyDecode(batch, 2 * 4, 2, 4, alphabet).text).toBe('9');
  });
});
