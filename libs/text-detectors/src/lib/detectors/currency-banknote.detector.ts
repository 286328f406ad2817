import type { Detector } from '@listinglens/pipeline';
import { parseBanknoteCues } from '../parsers/banknote-parser';
import { perImageMatchDetector } from '../per-image-match-detector';

/** currency.banknote: issuer text (FEDERAL RESERVE NOTE, 中国人民银行 ...), denominations, serials. */
export function currencyBanknoteDetector(): Detector {
  return perImageMatchDetector({
    id: 'text.currency-banknote',
    version: 1,
    code: 'currency.banknote',
    find: (line) => parseBanknoteCues(line.text).map((c) => ({ start: c.start, end: c.end, normalised: { kind: c.kind } })),
    assess: (matches) => {
      const kinds = new Set(matches.map((m) => m.normalised.kind));
      // Serial-like codes are everywhere (receipts, SKUs); only issuer text or a denomination counts.
      if (!kinds.has('issuer_text') && !kinds.has('denomination')) return null;
      return { certainty: kinds.size >= 2 ? 0.95 : 0.8, evidence: { cueKinds: [...kinds] } };
    },
  });
}
