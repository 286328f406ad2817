/**
 * Currency marks as they appear in listing images, to the ISO 4217 codes they can mean. "$" and "¥" are
 * ambiguous on purpose: a "$5" is consistent with a USD or a CAD listing, "¥99" with CNY or JPY.
 */
const DOLLARS = ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN'];

const MARKS: Record<string, string[]> = {
  'US$': ['USD'],
  'USD': ['USD'],
  'HK$': ['HKD'],
  'HKD': ['HKD'],
  'NT$': ['TWD'],
  'TWD': ['TWD'],
  'C$': ['CAD'],
  'CA$': ['CAD'],
  'CAD': ['CAD'],
  'A$': ['AUD'],
  'AU$': ['AUD'],
  'AUD': ['AUD'],
  'S$': ['SGD'],
  'SGD': ['SGD'],
  '$': DOLLARS,
  '¥': ['CNY', 'JPY'],
  '￥': ['CNY', 'JPY'],
  'RMB': ['CNY'],
  'CNY': ['CNY'],
  '元': ['CNY'],
  '块': ['CNY'],
  '人民币': ['CNY'],
  '円': ['JPY'],
  'JPY': ['JPY'],
  '€': ['EUR'],
  'EUR': ['EUR'],
  '£': ['GBP'],
  'GBP': ['GBP'],
  '₩': ['KRW'],
  '원': ['KRW'],
  'KRW': ['KRW'],
  '₹': ['INR'],
  'INR': ['INR'],
  'Rs': ['INR'],
  'RM': ['MYR'],
  'MYR': ['MYR'],
};

/** Currencies written without minor units: "₩12.900" and "¥1.299" use "." as a thousands mark. */
export const NO_MINOR_UNITS = new Set(['JPY', 'KRW']);

export function currenciesForMark(mark: string): string[] {
  return MARKS[mark] ?? MARKS[mark.toUpperCase()] ?? [];
}

/** Marks written before the amount, longest first so "US$" wins over "$". */
export const PREFIX_MARKS = Object.keys(MARKS)
  .filter((m) => !['元', '块', '円', '원'].includes(m))
  .sort((a, b) => b.length - a.length);

/** Marks written after the amount ("99元", "9,99 €", "12,900원", "99 RMB"). */
export const SUFFIX_MARKS = ['元', '块', '円', '원', '€', 'EUR', 'RMB', 'CNY', 'USD', 'KRW', 'JPY', '£', 'GBP', '₩', '¥', '￥'];
