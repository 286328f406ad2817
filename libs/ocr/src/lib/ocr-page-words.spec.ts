import type { Page } from 'tesseract.js';
import { describe, expect, it } from 'vitest';
import type { OcrWord } from '@listinglens/pipeline';
import { joinWords, linesToResult, mergePanelRead, tileLines } from './ocr-page-words';

function page(words: { text: string; conf: number; x0: number; y0: number; x1: number; y1: number }[]): Page {
  const line = { words: words.map((w) => ({ text: w.text, confidence: w.conf, bbox: { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 } })) };
  return { blocks: [{ paragraphs: [{ lines: [line] }] }] } as unknown as Page;
}

describe('tileLines', () => {
  it('maps boxes from a scaled tile back to original coordinates', () => {
    const p = page([{ text: 'SALE', conf: 90, x0: 100, y0: 50, x1: 300, y1: 110 }]);
    const [line] = tileLines(p, { top: 1000, height: 1500, ownTop: 1000, ownBottom: 2500 }, 2, 0);
    expect(line.words[0]).toEqual({ text: 'SALE', confidence: 0.9, box: { x: 50, y: 525, width: 100, height: 30 } });
  });

  it('keeps only words whose centre is in the part of the overlap the tile owns', () => {
    const p = page([
      { text: 'mine', conf: 90, x0: 0, y0: 10, x1: 50, y1: 40 },
      { text: 'theirs', conf: 90, x0: 0, y0: 1460, x1: 50, y1: 1490 },
    ]);
    const lines = tileLines(p, { top: 0, height: 1500, ownTop: 0, ownBottom: 1420 }, 1, 0);
    expect(lines.flatMap((l) => l.words.map((w) => w.text))).toEqual(['mine']);
  });

  it('drops words under the confidence floor', () => {
    const p = page([
      { text: 'noise', conf: 10, x0: 0, y0: 0, x1: 9, y1: 9 },
      { text: 'text', conf: 80, x0: 20, y0: 0, x1: 40, y1: 9 },
    ]);
    expect(tileLines(p, { top: 0, height: 100, ownTop: 0, ownBottom: 100 }, 1, 0.3)[0].words.map((w) => w.text)).toEqual(['text']);
  });
});

describe('linesToResult', () => {
  it('removes the same word read twice at the same place', () => {
    const word = { text: '特价', confidence: 0.9, box: { x: 0, y: 0, width: 40, height: 20 } };
    const result = linesToResult([{ words: [word, { ...word, text: '¥99', box: { x: 50, y: 0, width: 40, height: 20 } }] }, { words: [word] }]);
    expect(result.words).toHaveLength(2);
    expect(result.text).toBe('特价 ¥99');
    expect(joinWords(['Buy', 'Now', '立即', '购买'])).toBe('Buy Now 立即购买');
  });
  it('joins CJK characters tesseract split into words', () => {
    expect(joinWords(['满', '200', '减', '30'])).toBe('满 200 减 30');
    expect(joinWords(['立', '即', '购', '买'])).toBe('立即购买');
  });
});

describe('mergePanelRead', () => {
  const word = (text: string, x: number, y: number, confidence: number, width = 40): OcrWord => ({ text, confidence, box: { x, y, width, height: 20 } });
  const panel = { x: 0, y: 0, width: 400, height: 100 };

  it('lets the more confident read of each spot win and rebuilds the line it changed', () => {
    const lines = [{ words: [word('WAS', 10, 10, 0.9), word('$99', 60, 10, 0.9), word('-10%', 110, 10, 0.3)] }, { words: [word('elsewhere', 10, 300, 0.9)] }];
    const merged = mergePanelRead(lines, panel, [{ words: [word('-70%', 112, 11, 0.8)] }, { words: [word('OFF', 10, 50, 0.8)] }]);
    expect(linesToResult(merged).text).toBe('elsewhere\nWAS $99 -70%\nOFF');
  });

  it('keeps the whole-image words where they are more confident', () => {
    const lines = [{ words: [word('券后价', 10, 10, 0.9, 60), word('¥99', 80, 10, 0.9)] }];
    expect(mergePanelRead(lines, panel, [{ words: [word('FEN', 10, 10, 0.25, 60)] }])).toBe(lines);
  });

  it('leaves words outside the panel alone', () => {
    const lines = [{ words: [word('outside', 10, 200, 0.2)] }];
    const merged = mergePanelRead(lines, panel, [{ words: [word('LIVE', 10, 10, 0.96)] }]);
    expect(linesToResult(merged).text).toBe('outside\nLIVE');
  });
});
