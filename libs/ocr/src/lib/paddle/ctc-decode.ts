/** One recognised line: its text, and for each character the span of recogniser columns it came from. */
export interface DecodedLine {
  text: string;
  /** Mean of the per-character maximum probabilities (PaddleOCR's line score). */
  confidence: number;
  /** Per character (a dictionary entry): what it reads. */
  chars: string[];
  /** Per character: [first column, last column + 1] in the recogniser's output steps. */
  columns: Array<[number, number]>;
  /** Per character: its probability (a misread digit shows here even when the line's mean is high). */
  scores: number[];
}

/**
 * Greedy CTC decoding of one line: take the most probable class at each output step, collapse
 * repeats, drop the blank (class 0). `probs` holds `steps × classes` softmax outputs; `alphabet[i]` is
 * the character of class i + 1. Each character keeps the columns it spanned, so a match inside a line
 * can be given its own box instead of the whole line's.
 */
export function ctcGreedyDecode(probs: Float32Array, offset: number, steps: number, classes: number, alphabet: readonly string[]): DecodedLine {
  let text = '';
  let scoreSum = 0;
  const columns: Array<[number, number]> = [];
  const scores: number[] = [];
  const chars: string[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let best = 0;
    let bestP = probs[base];
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c];
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best === previous) {
      columns[columns.length - 1][1] = t + 1;
    } else if (best !== 0) {
      const ch = alphabet[best - 1] ?? '';
      text += ch;
      chars.push(ch);
      scoreSum += bestP;
      scores.push(bestP);
      columns.push([t, t + 1]);
    }
    previous = best;
  }
  return { text, confidence: columns.length > 0 ? scoreSum / columns.length : 0, chars, columns, scores };
}
