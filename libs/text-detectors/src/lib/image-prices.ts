import type { Box } from '@listinglens/contracts';
import { matchEvidence, type MatchEvidence } from './match-evidence';
import { sameAmount } from './parsers/decimal';
import { parsePrices, type PriceMention, TOTAL_WORDS } from './parsers/price-parser';
import { locate, type TextLine } from './text-lines';

export type LocatedPrice = PriceMention & {
  evidence: MatchEvidence;
  box: Box;
  /** How surely the digits were read (their least sure character, or the word score). */
  amountConfidence: number;
  /** How surely the currency mark was read; null without a mark. */
  markConfidence: number | null;
};

/**
 * Every price in an image with its box. A label alone on the line above ("原价" / "UVP") gives the
 * price below it its role, as price tags are often laid out in two lines.
 */
export function imagePrices(lines: readonly TextLine[]): LocatedPrice[] {
  const out: LocatedPrice[] = [];
  lines.forEach((line, i) => {
    const label = i > 0 ? lineRoleLabel(lines[i - 1].text) : null;
    for (const p of parsePrices(line.text)) {
      const evidence = matchEvidence(line, p.start, p.end);
      const role = p.role === 'unknown' && label && p.start < 3 ? label : p.role;
      const amountConfidence = locate(line, ...p.amountAt).confidence;
      const markConfidence = p.markAt ? locate(line, ...p.markAt).confidence : null;
      out.push({ ...p, role, evidence, box: evidence.box, amountConfidence, markConfidence });
    }
  });
  // A receipt repeats its total on the payment line ("VISA $64.80", "找零"): the same amount as a total
  // on the same image is that total again, not a selling price.
  const totals = out.filter((p) => p.role === 'total');
  for (const p of out) {
    if ((p.role === 'unknown' || p.role === 'current') && totals.some((t) => sameAmount(t.amount, p.amount) && sameCurrencyFamily(t, p))) p.role = 'total';
  }
  return out;
}

function lineRoleLabel(text: string): 'reference' | 'current' | 'saving' | 'total' | null {
  const t = text.trim();
  if (/^(?:was|rrp|uvp|msrp|statt|compare\s?at|list\s?price|regular\s?price|orig(?:inal)?\s?price|原价|日常价|划线价|市场价|专柜价|吊牌价)\s*[:：]?$/iu.test(t)) return 'reference';
  if (/^(?:save|you\s?save|下单立减|立减|立省|优惠)\s*[:：]?$/iu.test(t)) return 'saving';
  if (new RegExp(String.raw`^(?:${TOTAL_WORDS})\s*[:：]?$`, 'iu').test(t)) return 'total';
  if (/^(?:now|only|jetzt|nur|现价|券后价?|到手价?|特价|活动价|秒杀价|促销价)\s*[:：]?$/iu.test(t)) return 'current';
  return null;
}

/** Two prices can be compared when they can be in the same currency (or one has no mark). */
export function sameCurrencyFamily(a: PriceMention, b: PriceMention): boolean {
  if (a.currencies.length === 0 || b.currencies.length === 0) return true;
  return a.currencies.some((c) => b.currencies.includes(c));
}
