/**
 * OCR confuses O with 0 and I/l with 1 ("N0W", "C0UP0N", "$4O.99", "1OO%"). Parsers match on a folded
 * copy of the line; the fold never changes its length, so every match position still points at the
 * characters (and boxes) that were read.
 *
 * - Inside words: a 0 or 1 with a letter on both sides becomes O or I ("N0W" → "NOW"), and a 0 opening a word
 *   of capitals after a sign or a space ("60%0FF" → "60%OFF"). Otherwise a digit at a word's edge stays a
 *   digit ("SAVE10", "X200" are codes and models).
 * - Inside numbers: O/o and I/l in a run of digits that starts with a digit or follows a currency mark
 *   become 0 and 1 ("1OO%" → "100%", "$l9.99" → "$19.99"); a run with no real digit stays text.
 */
export function foldOcrConfusions(text: string): string {
  return foldNumbers(foldWords(foldFullWidth(text)));
}

/**
 * PP-OCR reads Chinese banners' digits and Latin letters full-width ("３９.９", "ＳＡＶＥ"), which `\d` and
 * [A-Za-z] do not match: fold them to ASCII (one UTF-16 unit each way, so positions hold). ￥ (U+FFE5) is
 * outside this block and stays the mark it is.
 */
function foldFullWidth(text: string): string {
  return /[\uff01-\uff5e\u3000]/u.test(text)
    ? text.replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/gu, ' ')
    : text;
}

const LETTER = /[A-Za-z]/;

function foldWords(text: string): string {
  const chars = [...text];
  let changed = false;
  for (let i = 0; i < chars.length - 1; i++) {
    const c = chars[i];
    const before = chars[i - 1] ?? '';
    if ((c === '0' || c === '1') && LETTER.test(before) && LETTER.test(chars[i + 1])) {
      chars[i] = c === '0' ? 'O' : 'I';
      changed = true;
    } else if (c === '0' && !/[A-Za-z0-9.,]/.test(before) && /[A-Z]{2}/.test(chars.slice(i + 1, i + 3).join(''))) {
      // "60%0FF": a 0 opening a word of capitals, after a sign or a space rather than a digit, is an O.
      chars[i] = 'O';
      changed = true;
    }
  }
  return changed ? chars.join('') : text;
}

// A run of digits and look-alikes; the lookbehind keeps "O2" or "IO" (no digit first, no mark) as text.
const NUMBER_RUN = /(?<=^|[^A-Za-z0-9])([$€£¥￥₩]?)(\d[\dOoIl]*|[OoIl][\dOoIl]*)(?![A-Za-z])/gu;

function foldNumbers(text: string): string {
  return text.replace(NUMBER_RUN, (run, mark: string, body: string) => {
    if (!/\d/.test(body) || (!mark && !/^\d/.test(body))) return run;
    return mark + body.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
  });
}
