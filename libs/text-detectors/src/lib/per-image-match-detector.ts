import type { EvidenceOf, Finding, FindingOf, Severity } from '@listinglens/contracts';
import type { Detector, DetectorContext } from '@listinglens/pipeline';
import { imageTextLines } from './image-text-lines';
import { matchEvidence, type MatchEvidence, mostProminent, round2 } from './match-evidence';
import { RULE_SEVERITY } from './rule-severity';
import { acrossSeam, linesAndStackedPairs, type TextLine, unionBox } from './text-lines';

/** The codes whose evidence is the lead match, every match, and what the rule adds. */
export type PerImageMatchCode = 'price.reference_claim' | 'promo.coupon' | 'livestream.overlay' | 'badge.claim' | 'currency.banknote';
/** The parsed meaning of one match of a rule of this code (kind, percent, code ...). */
export type Normalised<C extends PerImageMatchCode> = EvidenceOf<C>['matches'][number]['normalised'];

export interface LineMatch<C extends PerImageMatchCode> {
  start: number;
  end: number;
  normalised: Normalised<C>;
}

export type FoundMatch<C extends PerImageMatchCode> = MatchEvidence & { normalised: Normalised<C> };

export interface MatchRule<C extends PerImageMatchCode> {
  id: string;
  version: number;
  code: C;
  find(line: TextLine): LineMatch<C>[];
  /** False where a rule must not read two stacked lines as one (a comment stream's lines are separate cues). */
  acrossLines?: boolean;
  /** Whether this image's matches make a finding; the factor scales OCR confidence (rule certainty). */
  assess(matches: FoundMatch<C>[]): {
    certainty: number;
    evidence: Omit<EvidenceOf<C>, 'text' | 'box' | 'matches'>;
    boxOfAll?: boolean;
    /** Where the rule grades its matches (badge entries carry their own); else the code's severity. */
    severity?: Severity;
  } | null;
}

/**
 * Every match of the rule on the image: on each line, then on each pair of stacked lines where the match
 * crosses from one line into the other ("TRUSTED" over "SELLER"); matches inside one of the two were
 * already found on that line.
 */
function findMatches<C extends PerImageMatchCode>(rule: MatchRule<C>, lines: readonly TextLine[]): FoundMatch<C>[] {
  const read = rule.acrossLines === false ? lines.map((line) => ({ line, seam: null })) : linesAndStackedPairs(lines);
  return read.flatMap(({ line, seam }) =>
    rule
      .find(line)
      .filter((m) => acrossSeam(seam, m.start, m.end))
      .map((m) => ({ ...matchEvidence(line, m.start, m.end), normalised: m.normalised })),
  );
}

/**
 * The shape most text rules share: read each image's lines, collect the rule's matches, and emit at
 * most one finding per image listing every match with its box. The finding's box is the most prominent
 * match (or all of them, for rules like livestream whose evidence is the whole screen).
 */
export function perImageMatchDetector<C extends PerImageMatchCode>(rule: MatchRule<C>): Detector {
  return {
    id: rule.id,
    version: rule.version,
    async detect(ctx: DetectorContext): Promise<Finding[]> {
      const findings: Finding[] = [];
      for (const image of ctx.images) {
        const lines = await imageTextLines(ctx, image);
        if (!lines) continue;
        const matches = findMatches(rule, lines);
        if (matches.length === 0) continue;
        const verdict = rule.assess(matches);
        if (!verdict) continue;
        const lead = mostProminent(matches);
        const ocrConfidence = matches.reduce((s, m) => s + m.ocrConfidence, 0) / matches.length;
        // TS cannot resolve FindingOf<C> for a generic C; find() and assess() are checked against the
        // code's evidence type, and this adds the text, box and matches every such code has.
        const finding = {
          code: rule.code,
          severity: verdict.severity ?? RULE_SEVERITY[rule.code],
          confidence: round2(Math.min(1, verdict.certainty * Math.max(ocrConfidence, lead.ocrConfidence))),
          imagePosition: image.position,
          evidence: {
            text: lead.text,
            box: verdict.boxOfAll ? unionBox(matches.map((m) => m.box)) : lead.box,
            matches,
            ...verdict.evidence,
          },
          ruleId: rule.id,
          ruleVersion: rule.version,
        } as FindingOf<C>;
        findings.push(finding);
      }
      return findings;
    },
  };
}
