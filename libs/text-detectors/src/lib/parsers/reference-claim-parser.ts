import type { ClaimKind } from '@listinglens/contracts';
import { foldOcrConfusions } from './ocr-confusions';
import { atWordEdges, isWordEdge } from './word-edges';

/** How a listing image claims a reduction. */
export type { ClaimKind };

export interface ReferenceClaim {
  kind: ClaimKind;
  raw: string;
  start: number;
  end: number;
  /** The reduction claimed, in percent off (3折 → 70, half price → 50); null for a was/now word. */
  percentOff: number | null;
  /** "up to 70% off", "低至3折": a ceiling, not a claim about one price, so no math check applies. */
  upTo: boolean;
}

const UP_TO_BEFORE = /(?:up to|bis zu|最高|最多|低至|最低)\s*$/iu;

// WAS/NOW words and Chinese reference-price labels. Latin words must be whole (atWordEdges: "wasser" is
// not "was", "60%OFFWas327" is), and was/now a price right after them ("Buy Now" is a button, not a claim;
// "LIVE NOW" over "2.3K watching" is a count).
const WAS_NOW =
  /(?:was|now)(?=\s?[:：]?\s?[$€£¥￥\d])(?!\s?[:：]?\s?\d+(?:[.,]\d+)?\s?(?:[kmw万千]|人|viewers|watching|views|likes))|(?:rrp|uvp|msrp|compare\s?at|statt|reg\.?\s?price|list\s?price)|原价|现价|日常价|券后价|到手价|划线价|市场价|专柜价|吊牌价|活动价|秒杀价/giu;
// "-70%", "−70 %", "70% OFF", "save 70%", "70% Rabatt", "立省70%", "直降70%"
// A minus glued to a price's cents ("$178.50-60%") still opens a claim; after a bare number it is a range ("10-20%").
const PERCENT_OFF =
  /(?:(?<![\d.])|(?<=\d[.,]\d\d))[-−–]\s?(\d{1,2}(?:[.,]\d)?)\s?%|(?<![\d.])(\d{1,2}(?:[.,]\d)?)\s?%\s?(?:off|rabatt|discount|优惠)|(?:save|spare|sparen|立省|直降|省)\s?(\d{1,2}(?:[.,]\d)?)\s?%/giu;
// "3折", "7.5折", "五折"; not "折叠" (folding) or "折扣" used as a noun without a number.
const ZHE = /(?<![\d.])(\d(?:\.\d)?|[一二三四五六七八九])\s?折(?!叠)/gu;
// Latin words are checked whole by atWordEdges, which sees glued words ("60%OFFWas", "HalfPriceSale").
const HALF = /half[ -]?price|半价/giu;

// A markdown drawn as an arrow from the old price to the new ("$149 → $104.30"): a was/now claim. A bare
// percentage right before or after such a pair ("60% $149 → $104.30", its minus lost) is its claimed
// reduction; a bare percentage anywhere else is not a claim ("70%" cocoa, "100% cotton").
const AMOUNT = String.raw`[$€£¥￥]?\d[\d.,]*`;
const ARROWS = '→|->|⇒|➔|➜|►|▶';
const ARROW = String.raw`\s?(?:${ARROWS})\s?`;
const ARROW_PAIR = new RegExp(`(?<![\\d.,])${AMOUNT}${ARROW}${AMOUNT}`, 'gu');
const PERCENT_BY_ARROW = new RegExp(
  String.raw`(?<![\d.,%\-−–])(\d{1,2})\s?%\s?(?=${AMOUNT}${ARROW}[$€£¥￥]?\d)|(?<=${AMOUNT}${ARROW}${AMOUNT}\s?\(?)(\d{1,2})\s?%`,
  'gu',
);

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Finds reference-price claims: WAS/NOW, RRP/UVP/MSRP, 原价/日常价/券后价/到手价, -70%, 70% OFF, 3折, half price. */
export function parseReferenceClaims(read: string): ReferenceClaim[] {
  // Matched on the folded line (same length, so positions and boxes hold); see foldOcrConfusions.
  const text = foldOcrConfusions(read);
  const claims: ReferenceClaim[] = [];
  const upTo = (start: number): boolean => UP_TO_BEFORE.test(text.slice(Math.max(0, start - 8), start));
  for (const m of text.matchAll(PERCENT_OFF)) {
    const value = Number((m[1] ?? m[2] ?? m[3]).replace(',', '.'));
    if (value <= 0 || value >= 100 || !isWordEdge(read, m.index + m[0].length)) continue;
    claims.push({ kind: 'percent_off', raw: m[0], start: m.index, end: m.index + m[0].length, percentOff: value, upTo: upTo(m.index) });
  }
  for (const m of text.matchAll(ZHE)) {
    const tenths = CN_DIGIT[m[1]] ?? Number(m[1]);
    if (!(tenths > 0 && tenths < 10)) continue;
    // n折 means you pay n tenths: 3折 = 70 % off, 7.5折 = 25 % off.
    const percentOff = Math.round((10 - tenths) * 100) / 10;
    claims.push({ kind: 'zhe', raw: m[0], start: m.index, end: m.index + m[0].length, percentOff, upTo: upTo(m.index) });
  }
  for (const m of text.matchAll(HALF)) {
    if (!atWordEdges(read, m.index, m.index + m[0].length)) continue;
    claims.push({ kind: 'half_price', raw: m[0], start: m.index, end: m.index + m[0].length, percentOff: 50, upTo: false });
  }
  for (const m of text.matchAll(ARROW_PAIR)) {
    if (!isMarkdown(m[0])) continue;
    claims.push({ kind: 'was_now', raw: m[0], start: m.index, end: m.index + m[0].length, percentOff: null, upTo: false });
  }
  for (const m of text.matchAll(PERCENT_BY_ARROW)) {
    const value = Number(m[1] ?? m[2]);
    const start = m.index;
    const markdown = claims.some((c) => c.kind === 'was_now' && new RegExp(ARROWS, 'u').test(c.raw));
    if (!markdown || value <= 0 || claims.some((c) => c.start <= start && c.end > start)) continue;
    claims.push({ kind: 'percent_off', raw: m[0].trim(), start, end: start + m[0].trim().length, percentOff: value, upTo: false });
  }
  for (const m of text.matchAll(WAS_NOW)) {
    if (!atWordEdges(read, m.index, m.index + m[0].length)) continue;
    claims.push({ kind: 'was_now', raw: m[0], start: m.index, end: m.index + m[0].length, percentOff: null, upTo: false });
  }
  return claims.sort((a, b) => a.start - b.start);
}

/** An arrow pair is a markdown when it reads as money going down: "$149 → $104.30", not "2 → 4 cups". */
function isMarkdown(pair: string): boolean {
  const [from, to] = pair.split(new RegExp(ARROW, 'u')).map((a) => Number(a.replace(/[^\d.]/gu, '')));
  const money = /[$€£¥￥]/u.test(pair) || /\d[.,]\d\d(?!\d)/u.test(pair);
  return money && from > to && to > 0;
}
