/**
 * Prices stay exact decimal strings end to end (the listing's price is one): "1299.00" and "1299" are
 * the same amount, and 1.2万 is "12000", with no float rounding in between.
 */
export function canonicalDecimal(value: string): string {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(value);
  if (!m) throw new Error(`not a decimal: ${value}`);
  const int = (m[1] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** value × 10^places, as a string (for 万 = 10^4, 千/k = 10^3). */
export function shiftDecimal(value: string, places: number): string {
  const [int, frac = ''] = canonicalDecimal(value).split('.');
  const padded = frac.padEnd(places, '0');
  return canonicalDecimal(`${int}${padded.slice(0, places)}.${padded.slice(places)}`);
}

export function sameAmount(a: string, b: string): boolean {
  return canonicalDecimal(a) === canonicalDecimal(b);
}

/** For percentages only, where a float is what we want. */
export function toNumber(value: string): number {
  return Number(canonicalDecimal(value));
}
