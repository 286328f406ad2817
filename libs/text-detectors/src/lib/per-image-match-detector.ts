import type { Evidence, Finding, FindingCode } from '@listinglens/contracts';
import type { Detector, DetectorContext } from '@listinglens/pipeline';
import { imageTextLines } from './image-text-lines';
import { matchEvidence, type MatchEvidence, mostProminent, round2 } from './match-evidence';
import { RULE_SEVERITY } from './rule-severity';
import { type TextLine, unionBox } from './text-lines';

export interface LineMatch {
  start: number;
  end: number;
  /** The parsed meaning of the match (kind, percent, code ...). */
  normalised: Record<string, unknown>;
}

export type FoundMatch = MatchEvidence & { normalised: Record<string, unknown> };

export interface MatchRule {
  id: string;
  version: number;
  code: keyof typeof RULE_SEVERITY & FindingCode;
  find(line: TextLine): LineMatch[];
  /** Whether this image's matches make a finding; the factor scales OCR confidence (rule certainty). */
  assess(matches: FoundMatch[]): { certainty: number; evidence?: Evidence; boxOfAll?: boolean } | null;
}

/**
 * The shape most text rules share: read each image's lines, collect the rule's matches, and emit at
 * most one finding per image listing every match with its box. The finding's box is the most prominent
 * match (or all of them, for rules like livestream whose evidence is the whole screen).
 */
export function perImageMatchDetector(rule: MatchRule): Detector {
  return {
    id: rule.id,
    version: rule.version,
    async detect(ctx: DetectorContext): Promise<Finding[]> {
      const findings: Finding[] = [];
      for (const image of ctx.images) {
        const lines = await imageTextLines(ctx, image);
        if (!lines) continue;
        const matches: FoundMatch[] = lines.flatMap((line) =>
          rule.find(line).map((m) => ({ ...matchEvidence(line, m.start, m.end), normalised: m.normalised })),
        );
        if (matches.length === 0) continue;
        const verdict = rule.assess(matches);
        if (!verdict) continue;
        const lead = mostProminent(matches);
        const ocrConfidence = matches.reduce((s, m) => s + m.ocrConfidence, 0) / matches.length;
        findings.push({
          code: rule.code,
          severity: RULE_SEVERITY[rule.code],
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
        });
      }
      return findings;
    },
  };
}
