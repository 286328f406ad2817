import { describe, expect, it } from 'vitest';
import type { PpOcrLine } from './ppocr-settings';
import { unreadMarkBefore, withUnreadMark } from './unread-currency-mark';

// Lines as PP-OCR read them in the probe (72 px text on a banner): character x ranges are CTC steps.
const line = (text: string, box: PpOcrLine['box'], chars: Array<[number, number]>): PpOcrLine => ({
  text,
  confidence: 0.9,
  box,
  chars,
  charConfidence: chars.map(() => 0.99),
});
const EURO_24 = line('24', { x: 50, y: 58, width: 149, height: 59 }, [[130, 140], [169, 179]]);
const POUND_999 = line('9.99', { x: 42, y: 60, width: 189, height: 54 }, [[97, 106], [133, 142], [161, 170], [206, 215]]);
const PLAIN_24 = line('24', { x: 40, y: 56, width: 89, height: 62 }, [[51, 62], [93, 103]]);
const TOTAL = line('TOTAL 9.99', { x: 44, y: 59, width: 363, height: 55 }, [[54, 63], [91, 100], [137, 147], [174, 184], [212, 221], [239, 258], [276, 286], [314, 323], [341, 351], [388, 397]]);

describe('unreadMarkBefore', () => {
  it('finds the number a mark PP-OCR cannot write stood before (the box starts ~1.4 line heights early)', () => {
    expect(unreadMarkBefore(EURO_24)).toBe(0);
    expect(unreadMarkBefore(POUND_999)).toBe(0);
  });

  it('leaves lines alone whose numbers start where their box does, or follow a space or a read mark', () => {
    expect(unreadMarkBefore(PLAIN_24)).toBe(-1);
    expect(unreadMarkBefore(TOTAL)).toBe(-1);
    expect(unreadMarkBefore(line('$24', { x: 50, y: 58, width: 149, height: 59 }, [[60, 70], [130, 140], [169, 179]]))).toBe(-1);
    expect(unreadMarkBefore({ ...EURO_24, chars: null })).toBe(-1);
  });

  it('sees through the space PP-OCR often writes for the mark', () => {
    const spaced = line(' 24', { x: 50, y: 58, width: 149, height: 59 }, [[72, 80], [130, 140], [169, 179]]);
    expect(unreadMarkBefore(spaced)).toBe(1);
    expect(withUnreadMark(spaced, 1, { text: '€ 24', confidence: 0.9 })?.text).toBe(' €24');
  });

  it('finds it inside a line too (NOW, then an unread £, then 120)', () => {
    const now = line('NOW120', { x: 45, y: 62, width: 330, height: 51 }, [[63, 72], [106, 114], [157, 166], [273, 282], [316, 325], [359, 368]]);
    expect(unreadMarkBefore(now)).toBe(3);
  });
});

describe('withUnreadMark', () => {
  it('writes in the mark the other engine read before the same digits, boxed by the unread stretch', () => {
    expect(withUnreadMark(EURO_24, 0, { text: '€24', confidence: 0.91 })).toMatchObject({
      text: '€24',
      chars: [[50, 130], [130, 140], [169, 179]],
      charConfidence: [0.91, 0.99, 0.99],
    });
    const now = line('NOW120', { x: 45, y: 62, width: 330, height: 51 }, [[63, 72], [106, 114], [157, 166], [273, 282], [316, 325], [359, 368]]);
    expect(withUnreadMark(now, 3, { text: 'NOW £ 120', confidence: 0.8 })?.text).toBe('NOW£120');
  });

  it('changes nothing when the other read has no such mark, or one before other digits', () => {
    expect(withUnreadMark(EURO_24, 0, { text: 'C24', confidence: 0.9 })).toBeNull();
    expect(withUnreadMark(EURO_24, 0, { text: '€99 24', confidence: 0.9 })).toBeNull();
  });
});
