import type { Box, MatchEvidence } from '@listinglens/contracts';
import { locate, sourceLines, type TextLine } from './text-lines';

export type { MatchEvidence };

export function matchEvidence(line: TextLine, start: number, end: number): MatchEvidence {
  const where = locate(line, start, end);
  return {
    text: line.text.slice(start, end).trim(),
    line: line.text,
    box: where.box,
    words: where.words.map((w) => ({ text: w.text, confidence: w.confidence, box: w.box })),
    ocrConfidence: round2(where.confidence),
    ocrConfidenceOf: where.perCharacter ? 'character' : 'word',
    ...(line.engine ? { ocrEngine: line.engine } : {}),
    ...joinedFrom(line),
  };
}

/** Which of the reader's lines were read as one (side by side on a row, or stacked): their text and boxes. */
function joinedFrom(line: TextLine): { joined?: MatchEvidence['joined'] } {
  const joined = sourceLines(line);
  return joined.length > 0 ? { joined } : {};
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The most prominent match (tallest text: the headline, not the fine print) leads a finding. */
export function mostProminent<T extends { box: Box }>(items: readonly T[]): T {
  return items.reduce((best, item) => (item.box.height > best.box.height ? item : best));
}

export function centreDistance(a: Box, b: Box): number {
  return Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
}

/** The distance between two boxes' nearest edges (0 when they touch or overlap). */
export function edgeDistance(a: Box, b: Box): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}
