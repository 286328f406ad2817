import type { BanknoteCueKind } from '@listinglens/contracts';

export interface BanknoteCue {
  kind: BanknoteCueKind;
  raw: string;
  start: number;
  end: number;
}

// Text printed on banknotes, not on price tags: issuing banks and legal-tender wording.
const ISSUER =
  /FEDERAL\s?RESERVE\s?NOTE|THE\s?UNITED\s?STATES\s?OF\s?AMERICA|IN\s?GOD\s?WE\s?TRUST|LEGAL\s?TENDER|BANK\s?OF\s?ENGLAND|EUROPEAN\s?CENTRAL\s?BANK|BCE\s?ECB\s?EZB|中国人民银行|中國人民銀行|日本銀行|한국은행|RESERVE\s?BANK\s?OF\s?(?:INDIA|AUSTRALIA)|BANK\s?OF\s?CANADA|香港上海滙豐銀行|SPECIMEN|样币|樣鈔/gu;
// RMB denominations in words ("壹佰圆") and US denominations spelled out, the space between the words
// optional (PP-OCR drops it: "TWENTYDOLLARS"). TWENTY, FIFTY and HUNDRED are long enough to stand after a
// stray glyph ("thLTWENTY DOLLARS"); ONE, FIVE and TEN must start a word ("PHONE DOLLARS" is not a note).
const DENOMINATION = /[壹贰叁肆伍陆柒捌玖拾佰仟]+圆|(?:(?<![A-Za-z])(?:ONE|FIVE|TEN)|TWENTY|FIFTY|(?<![A-Za-z])ONE\s?HUNDRED|HUNDRED)\s?DOLLARS(?![A-Za-z])/gu;
// US: letter(s) + 8 digits + letter ("MB 12345678 C"); RMB: 2 letters + 8 digits.
const SERIAL = /(?<![A-Za-z0-9])(?:[A-Z]{1,2}\s?\d{8}\s?[A-Z*]|[A-Z]{2}\d{8})(?![A-Za-z0-9])/gu;

/**
 * Banknote cues. A serial-number pattern alone is just a code (receipts have those), so the detector
 * needs issuer text or a denomination before a serial counts.
 */
export function parseBanknoteCues(text: string): BanknoteCue[] {
  const cues: BanknoteCue[] = [];
  for (const [kind, re] of [
    ['issuer_text', ISSUER],
    ['denomination', DENOMINATION],
    ['serial', SERIAL],
  ] as const) {
    for (const m of text.matchAll(re)) cues.push({ kind, raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return cues.sort((a, b) => a.start - b.start);
}
