import { SEVERITIES, type Severity } from '@listinglens/contracts';
import type { Detector } from '@listinglens/pipeline';
import { type BadgeClaim, parseBadges, parseConfusableBadges } from '../parsers/badge-parser';
import { perImageMatchDetector } from '../per-image-match-detector';
import { locate, type TextLine } from '../text-lines';

/**
 * A line read less surely than this (its least sure character, averaged over its boxes) is also matched
 * within OCR confusions ("Jrusled SELLER"); a clean read must match the vocabulary as written.
 */
export const CONFUSABLE_BELOW = { character: 0.85, word: 0.7 } as const;
/** A confusable match is a guess about what the glyphs were: less certain than an exact one. */
const CERTAINTY = { exact: 0.9, confusable: 0.7 } as const;

/** badge.claim: Best Seller, #1, Amazon's Choice, Official Store, 官方旗舰店, 正品, 公式ストア, 정품, warranties, awards ... */
export function badgeClaimDetector(): Detector {
  return perImageMatchDetector({
    id: 'text.badge-claim',
    version: 2,
    code: 'badge.claim',
    find: (line) =>
      badgesOn(line).map((b) => ({
        start: b.start,
        end: b.end,
        normalised: { badge: b.badge, reason: b.reason, severity: b.severity, match: b.match },
      })),
    assess: (matches) => ({
      certainty: Math.max(...matches.map((m) => CERTAINTY[m.normalised.match ?? 'exact'])),
      // The finding is as serious as its most serious claim (an official-store claim outweighs a warranty).
      severity: matches.map((m) => m.normalised.severity ?? 'medium').reduce(higher),
      evidence: { badges: [...new Set(matches.map((m) => m.normalised.badge))] },
    }),
  });
}

function badgesOn(line: TextLine): BadgeClaim[] {
  const exact = parseBadges(line.text);
  if (exact.length > 0) return exact;
  const read = locate(line, 0, line.text.length);
  return read.confidence < CONFUSABLE_BELOW[read.perCharacter ? 'character' : 'word'] ? parseConfusableBadges(line.text) : [];
}

const higher = (a: Severity, b: Severity): Severity => (SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b);
