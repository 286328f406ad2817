import { describe, expect, it } from 'vitest';
import type { PpOcrLine } from './ppocr-settings';
import { spliceStretch, stretchLine, unreadStretchOf } from './unread-stretch';

// "쿠폰 코드 VIP10" as PP-OCR read it: the Hangul left unread, "VIP10" at the line's end.
const VIP = (): PpOcrLine => ({
  text: 'VIP10',
  confidence: 0.91,
  box: { x: 171, y: 707, width: 371, height: 51 },
  chars: [[420, 440], [445, 465], [470, 490], [495, 515], [520, 540]],
  charConfidence: [0.9, 0.9, 0.9, 0.9, 0.74],
});

describe('unreadStretchOf', () => {
  it('finds the gap before the first read glyph, a glyph drawn out over unread script, and a gap at the end', () => {
    expect(unreadStretchOf(VIP())).toEqual({ from: 171, to: 420, index: 0, covers: 0 });
    const squeezed: PpOcrLine = { ...VIP(), text: '一EXTRA15', chars: [[75, 400], ...[0, 1, 2, 3, 4, 5, 6].map((k): [number, number] => [420 + 20 * k, 435 + 20 * k])] };
    expect(unreadStretchOf(squeezed)).toMatchObject({ from: 75, to: 400, index: 0, covers: 1 });
    expect(unreadStretchOf({ ...VIP(), chars: [[175, 190], [195, 210]], text: 'VI' })).toMatchObject({ from: 210, to: 542, index: 2 });
  });

  it('measures a slanted line\'s gaps against its own thickness, not its tall box\'s height', () => {
    // "クーポン利用で 1000円OFF" on a sticker turned 25°: its box is 413 px tall, the line 90 px thick.
    // PP-OCR read "一>" over クーポン, then 利用…: the katakana left a gap of 200 px in x.
    const angle = (25 * Math.PI) / 180;
    const line: PpOcrLine = {
      text: '一>利用',
      confidence: 0.95,
      box: { x: 249, y: 191, width: 827, height: 413 },
      chars: [[260, 270], [280, 290], [490, 500], [540, 550]],
      charConfidence: [0.9, 0.9, 0.99, 0.99],
      slant: { cx: 662, cy: 397, along: 820, across: 90, angle },
    };
    expect(unreadStretchOf(line)).toMatchObject({ from: 290, to: 490, index: 2, covers: 0 });
    expect(unreadStretchOf({ ...line, slant: undefined })).toBeNull();
  });

  it('finds none in a line read end to end, or without character positions', () => {
    const full: PpOcrLine = { ...VIP(), box: { x: 410, y: 707, width: 135, height: 51 } };
    expect(unreadStretchOf(full)).toBeNull();
    expect(unreadStretchOf({ ...VIP(), chars: null })).toBeNull();
  });
});

describe('stretchLine', () => {
  it('narrows a slanted line\'s frame to the stretch along its slant, so the re-read is the stretch alone', () => {
    // A line at 30° centred at (300, 200), 400 long: its x runs from 300 − 200 cos 30° to 300 + 200 cos 30°.
    const angle = Math.PI / 6;
    const line: PpOcrLine = { ...VIP(), slant: { cx: 300, cy: 200, along: 400, across: 40, angle } };
    const narrowed = stretchLine(line, { from: 300 - 200 * Math.cos(angle), to: 300, index: 0, covers: 0 }).slant;
    expect(narrowed?.along).toBeCloseTo(200);
    expect(narrowed?.cx).toBeCloseTo(300 - 100 * Math.cos(angle));
    expect(narrowed?.cy).toBeCloseTo(200 - 100 * Math.sin(angle));
    expect(narrowed?.angle).toBe(angle);
    expect(stretchLine(VIP(), { from: 171, to: 420, index: 0, covers: 0 }).slant).toBeUndefined();
  });
});

describe('spliceStretch', () => {
  it('writes the other read into the stretch, keeps PP-OCR\'s read of the rest, and boxes each new glyph inside it', () => {
    const line = VIP();
    const stretch = unreadStretchOf(line);
    if (!stretch) throw new Error('no stretch');
    expect(stretchLine(line, stretch).box).toEqual({ x: 171, y: 707, width: 249, height: 51 });
    const spliced = spliceStretch(line, stretch, { text: '쿠폰 (툰트', confidence: 0.44 });
    expect(spliced.text).toBe('쿠폰(툰트VIP10');
    expect(spliced.chars?.slice(0, 5).every(([a, b]) => a >= 171 && b <= 420)).toBe(true);
    expect(spliced.chars?.slice(5)).toEqual(line.chars);
    expect(spliced.charConfidence).toEqual([0.44, 0.44, 0.44, 0.44, 0.44, 0.9, 0.9, 0.9, 0.9, 0.74]);
  });

  it('replaces the glyph drawn over the stretch', () => {
    const line: PpOcrLine = { ...VIP(), text: '一EX', chars: [[75, 400], [420, 435], [440, 455]], charConfidence: [0.97, 0.9, 0.9] };
    const stretch = unreadStretchOf(line);
    if (!stretch) throw new Error('no stretch');
    expect(spliceStretch(line, stretch, { text: 'クーポンコード', confidence: 0.4 }).text).toBe('クーポンコードEX');
  });

  it('drops the other engine\'s digits: they are misread script or the edge of PP-OCR\'s next digit', () => {
    // "楽天ランキング1位" on a navy bag: PP-OCR read 乐天 … 1位; tesseract read the katakana between as
    // "ミ有用征ジグ3", the 3 being the left of the "1" the stretch ends inside.
    const line: PpOcrLine = {
      text: '乐天1位',
      confidence: 0.83,
      box: { x: 197, y: 342, width: 407, height: 50 },
      chars: [[215, 223], [265, 274], [536, 545], [579, 587]],
      charConfidence: [0.9, 0.9, 0.99, 0.95],
    };
    const stretch = unreadStretchOf(line);
    if (!stretch) throw new Error('no stretch');
    expect(spliceStretch(line, stretch, { text: 'ミ有用征ジグ3', confidence: 0.53 }).text).toBe('乐天ミ有用征ジグ1位');
    expect(spliceStretch(line, stretch, { text: '3 1', confidence: 0.53 })).toBe(line);
  });
});
