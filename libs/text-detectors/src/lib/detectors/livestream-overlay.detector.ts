import type { Detector } from '@listinglens/pipeline';
import { MIN_COMMENT_LINES, MIN_DISTINCT_CUE_KINDS, parseLivestreamCues } from '../parsers/livestream-cue-parser';
import { perImageMatchDetector } from '../per-image-match-detector';

/**
 * livestream.overlay: a livestream-shopping screen is recognised by several different UI cues at once
 * (LIVE badge, viewer counts, buy buttons, ranks, follow buttons, a comment stream, viewers saying they
 * bought). One cue alone is a
 * product called "LIVE" or a "Buy Now" banner, so two distinct kinds are required.
 */
export function livestreamOverlayDetector(): Detector {
  return perImageMatchDetector({
    id: 'text.livestream-overlay',
    version: 1,
    code: 'livestream.overlay',
    find: (line) => parseLivestreamCues(line.text).map((c) => ({ start: c.start, end: c.end, normalised: { kind: c.kind } })),
    // Each line of a comment stream is its own cue: two stacked comments joined would count three.
    acrossLines: false,
    assess: (matches) => {
      const comments = matches.filter((m) => m.normalised.kind === 'comment_line').length;
      // Comment lines, and those about buying, count only as part of a stream of comments.
      const inStream = (k: string) => (k !== 'comment_line' && k !== 'order_comment') || comments >= MIN_COMMENT_LINES;
      const kinds = new Set(matches.map((m) => m.normalised.kind).filter(inStream));
      if (kinds.size < MIN_DISTINCT_CUE_KINDS) return null;
      return {
        certainty: Math.min(0.95, 0.55 + 0.15 * kinds.size),
        evidence: { cueKinds: [...kinds], cueCount: matches.length },
        boxOfAll: true,
      };
    },
  });
}
