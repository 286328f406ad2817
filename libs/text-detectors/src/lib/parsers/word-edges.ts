/**
 * PP-OCR drops the spaces between words ("HalfPriceSale", "2YEARWARRANTYhurry"), so "not next to a letter"
 * is too strict a word boundary. Where the letters themselves show a new word, it is one:
 * - lower case meets upper case: "Half|Price";
 * - an all-capitals word meets lower case: "WARRANTY|hurry";
 * - an all-capitals run meets a capitalised word: "TOP|Rated".
 * Regexes cannot see case under their `i` flag, so parsers check a match's edges here, on the line as
 * read (a folded "0" → "O" would fake a case change).
 */
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
const LETTER = /[A-Za-z]/;

export function isWordEdge(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at];
  if (before === undefined || after === undefined || !LETTER.test(before) || !LETTER.test(after)) return true;
  if (LOWER.test(before) && UPPER.test(after)) return true;
  if (UPPER.test(before) && LOWER.test(after)) return UPPER.test(text[at - 2] ?? '');
  return UPPER.test(before) && UPPER.test(after) && LOWER.test(text[at + 1] ?? '');
}

/** A match [start, end) is a whole word (or words) when both its edges are word edges. */
export function atWordEdges(text: string, start: number, end: number): boolean {
  return isWordEdge(text, start) && isWordEdge(text, end);
}
