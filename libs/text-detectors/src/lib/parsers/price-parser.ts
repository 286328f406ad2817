import type { PriceRole } from '@listinglens/contracts';
import { canonicalDecimal, shiftDecimal } from './decimal';
import { currenciesForMark, PREFIX_MARKS, SUFFIX_MARKS } from './currency';
import { foldOcrConfusions } from './ocr-confusions';
import { isWordEdge } from './word-edges';

/** What a price is doing in its sentence. */
export type { PriceRole };

export interface PriceMention {
  /** The text matched, as OCR read it. */
  raw: string;
  start: number;
  end: number;
  /** Exact canonical decimal ("1299", "9.99", "12000" for 1.2万). */
  amount: string;
  /** The currency mark as written, or null for a bare amount after a price word ("到手价99"). */
  mark: string | null;
  /** ISO 4217 codes the mark can mean (several for "$" and "¥"); empty when there is no mark. */
  currencies: string[];
  role: PriceRole;
  /** Where the digits are ([start, end) in the line): they decide the amount, so they are judged alone. */
  amountAt: [number, number];
  /** Where the currency mark is, or null: it only narrows the currency, so a less sure read of it
   * ("￥" at 0.77 beside digits at 0.99) must not drop the amount. */
  markAt: [number, number] | null;
  /** The mark is there but was not read: "原价?168", "特价?57" (a ￥ the reader returned as "?"), between a
   * price word and the digits. Its currency is unknown (`currencies` empty), so only the amount compares. */
  markUnread: boolean;
  /** The amount ends at a decimal separator with nothing after it ("NOW $103," at a line's end): its cents
   * were not read, so it is only the whole units. */
  centsUnread: boolean;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// 1,299.00 | 1.299,00 | 1 299,00 | 12,900 | 9,99 | 99 | 99.5
// A decimal comma takes two digits: "1 for $5, 3 for $12" read as "$5,3 for $12" is $5 and a 3, not $5.30.
const AMOUNT = String.raw`\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:\.\d{1,2}|,\d{2})?`;
const MULTIPLIER = '万|千|[wW](?![a-zA-Z])|[kK](?![a-zA-Z])';
const prefixAlt = PREFIX_MARKS.map(esc).join('|');
const suffixAlt = SUFFIX_MARKS.map(esc).join('|');
const PRICE_WORDS = String.raw`价格?|售价|price|preis|prix|now|only|was|uvp|rrp|msrp|statt|nur`;

// A letter mark ("RM", "USD") must not be the end of a longer word; the amount must not continue.
// A digit glued to a prefix mark ("5$129.99") is a stray glyph the reader saw, not part of any amount:
// no amount ends right before a prefix mark.
const GLUED_TO_MARK = String.raw`(?![$€£¥￥₩₹])`;
// A letter mark ("RM", "USD") or a price word must start a word: checked with isWordEdge, which also sees
// words glued without spaces ("Only£39.99", "60%OFFWas327,99").
const PREFIXED = new RegExp(String.raw`(${prefixAlt})\s?(${AMOUNT})\s?(${MULTIPLIER})?(?![\d])`, 'giu');
const SUFFIXED = new RegExp(String.raw`(?<![\d.,])(${AMOUNT})\s?(${MULTIPLIER})?\s?(${suffixAlt})(?![A-Za-z])`, 'giu');
// A "?" between the price word and the digits is a mark the reader could not read (PP-OCR returns an unsure
// ￥ after Chinese as "?"): a price, of unknown currency.
const UNREAD_MARK = '[?？]';
const KEYWORDED = new RegExp(
  String.raw`(?:${PRICE_WORDS})\s*[:：]?\s*(${UNREAD_MARK}\s?)?(${AMOUNT})${GLUED_TO_MARK}(?![\d.,%]|\s?(?:${suffixAlt}))`,
  'giu',
);

const REFERENCE_BEFORE =
  /(?:was|rrp|uvp|msrp|compare at|list price|regular(?: price)?|orig(?:inal)?(?: price)?|statt|vorher|原价|日常价|划线价|市场价|专柜价|吊牌价|参考价|门市价)\s*[:：]?\s*$/iu;
const CURRENT_BEFORE =
  /(?:now|only|sale|deal|today|jetzt|nur|现价|券后价?|到手价?|特价|活动价|秒杀价|促销价|折后价?|仅需?|只要|售价|直降到)\s*[:：]?\s*$/iu;
const SAVING_BEFORE = /(?:立减|减|省|优惠|save|saving|rabatt|sparen|spare|券)\s*[:：]?\s*$/iu;
const SAVING_AFTER = /^\s*(?:off|优惠券|券|红包)/iu;
const THRESHOLD_BEFORE = /(?:满|每满|spend|over|ab)\s*$/iu;
// A receipt's sums ("TOTAL $64.80", "实付款¥128.00") say what was paid for a basket, not an item's price.
export const TOTAL_WORDS = String.raw`sub\s?total|total|amount\s?due|balance|change|cash|tax|vat|gst|tip|实收|实付款?|合计|总计|找零|应收|小计`;
const TOTAL_BEFORE = new RegExp(String.raw`(?:${TOTAL_WORDS})\s*[:：]?\s*$`, 'iu');
// A price for two or more units ("2件23元", "3 for $12", "2/$5", "$12 for 3", "买2件"): not a unit price.
const MULTI_UNIT_BEFORE = /(?:(?<![\d.])(?:[2-9]|\d{2,})\s?(?:件|个|只|瓶|盒|袋|包|支|条|份|套|pcs?|pieces?|packs?|units?|for|x|×|\/)|买\s?(?:[2-9]|\d{2,})\s?件?)\s*[:：]?\s*$/iu;
const MULTI_UNIT_AFTER = /^\s?(?:for|\/)\s?(?:[2-9]|\d{2,})(?![\d.,])/iu;

/**
 * Finds every price in a line: "$1,299.00", "US$5", "¥99", "￥99", "99元", "9,99 €", "€9.99", "RMB 99",
 * "1.2万", "₩12,900", and bare amounts right after a price word ("到手价99", "UVP 13.99").
 */
export function parsePrices(read: string): PriceMention[] {
  // Matched on the folded line (same length, so positions and boxes hold); see foldOcrConfusions.
  const text = foldOcrConfusions(read);
  const found: PriceMention[] = [];
  const add = (start: number, raw: string, amountRaw: string, multiplier: string | undefined, mark: string | null, markOffset: number, markUnread = false): void => {
    let end = start + raw.length;
    if (found.some((p) => p.start < end && p.end > start)) return;
    const currencies = mark && !markUnread ? currenciesForMark(mark) : [];
    // "1盒¥39.93盒¥99": a counter right after an amount means its last digit is the next tier's quantity.
    if (!multiplier && raw.endsWith(amountRaw) && /^\s?[盒件个只瓶袋包支条份套]/u.test(text.slice(end)) && /\d\d$/.test(amountRaw)) {
      raw = raw.slice(0, raw.lastIndexOf(amountRaw) + amountRaw.length - 1);
      amountRaw = amountRaw.slice(0, -1).replace(/[.,]$/, '');
      end = start + raw.length;
    }
    const amount = parseAmount(amountRaw, multiplier);
    if (amount === null) return;
    const amountStart = start + raw.indexOf(amountRaw);
    found.push({
      raw,
      start,
      end,
      amount,
      mark,
      currencies,
      role: roleOf(text, start, end),
      amountAt: [amountStart, amountStart + amountRaw.length],
      markAt: mark === null ? null : [start + markOffset, start + markOffset + mark.length],
      markUnread,
      centsUnread: !multiplier && /^[.,]\s*$/u.test(text.slice(end)),
    });
  };
  for (const m of text.matchAll(PREFIXED)) {
    if (/^[A-Za-z]/.test(m[1]) && !isWordEdge(read, m.index)) {
      // "WAS$29.99": the S of WAS is not Singapore's; the "$" alone is still a mark.
      const symbol = m[1].replace(/^[A-Za-z]+/u, '');
      const cut = m[1].length - symbol.length;
      if (symbol) add(m.index + cut, m[0].slice(cut), m[2], m[3], symbol, 0);
      continue;
    }
    add(m.index, m[0], m[2], m[3], m[1], 0);
  }
  for (const m of text.matchAll(SUFFIXED)) add(m.index, m[0], m[1], m[2], m[3], m[0].length - m[3].length);
  for (const m of text.matchAll(KEYWORDED)) {
    if (!isWordEdge(read, m.index)) continue;
    const [, unread, amountRaw] = m;
    const raw = (unread ?? '') + amountRaw;
    const start = m.index + m[0].length - raw.length;
    add(start, raw, amountRaw, undefined, unread ? unread.trim() : null, 0, Boolean(unread));
  }
  return found.sort((a, b) => a.start - b.start);
}

// A number standing alone, with no mark the parser knows: not part of a longer number, not beside a
// currency mark (that is a marked price), not a measure ("15ml", "30%", "2件").
const BARE_AMOUNT = new RegExp(
  String.raw`(?<![\d.,])(?<!(?:${prefixAlt})\s?)(${AMOUNT})(?!\s?(?:${suffixAlt}))(?![\d]|[.,]\d)(?!\s?(?:%|ml|l\b|g\b|kg|mg|cm|mm|m\b|oz|lb|mah|w\b|v\b|件|个|只|瓶|盒|袋|克|毫升|厘米|pcs?|x\b))`,
  'giu',
);

/** Every number standing alone in a line, as canonical decimals: "1件?15" → ["1"?, "15"] (measures excluded). */
export function bareAmounts(read: string): string[] {
  const text = foldOcrConfusions(read);
  return [...text.matchAll(BARE_AMOUNT)].map((m) => parseAmount(m[1])).filter((a): a is string => a !== null);
}

/**
 * "1,299.00" → "1299", "9,99" → "9.99", "12,900" → "12900", "1.299,00" → "1299", "1.2"+万 → "12000".
 * The last separator followed by one or two digits is the decimal mark; three digits make it a
 * thousands mark (a three-decimal price is practically never shown in a listing).
 */
export function parseAmount(raw: string, multiplier?: string): string | null {
  const s = raw.replace(/[\s\u00a0]/g, '');
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  let value: string;
  if (lastSep < 0) {
    value = s;
  } else {
    const tail = s.slice(lastSep + 1);
    const head = s.slice(0, lastSep).replace(/[.,]/g, '');
    value = tail.length === 3 ? head + tail : `${head}.${tail}`;
  }
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const shift = multiplier ? { 万: 4, w: 4, W: 4, 千: 3, k: 3, K: 3 }[multiplier] ?? 0 : 0;
  return shift ? shiftDecimal(value, shift) : canonicalDecimal(value);
}

function roleOf(text: string, start: number, end: number): PriceRole {
  // "WAS 5$129.99": the stray digit glued to the mark does not hide the word before it.
  const before = text.slice(Math.max(0, start - 16), start).replace(/(?<=\D)\d$/u, '');
  const after = text.slice(end, end + 8);
  if (THRESHOLD_BEFORE.test(before)) return 'threshold';
  if (TOTAL_BEFORE.test(before)) return 'total';
  if (MULTI_UNIT_BEFORE.test(before) || MULTI_UNIT_AFTER.test(after)) return 'multi_unit';
  if (SAVING_BEFORE.test(before) || SAVING_AFTER.test(after)) return 'saving';
  if (REFERENCE_BEFORE.test(before)) return 'reference';
  if (CURRENT_BEFORE.test(before)) return 'current';
  return 'unknown';
}
