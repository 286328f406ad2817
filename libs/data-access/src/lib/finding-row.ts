import { type Finding, type FindingCode, type FindingView, type Severity, toFindingView } from '@listinglens/contracts';

/** A stored finding row as the domain type (codes and evidence were validated when written). */
export function findingFromRow(row: {
  code: string;
  severity: string;
  confidence: number;
  imagePosition: number | null;
  evidence: unknown;
  ruleId: string;
  ruleVersion: number;
}): Finding {
  return {
    code: row.code as FindingCode,
    severity: row.severity as Severity,
    confidence: row.confidence,
    imagePosition: row.imagePosition,
    evidence: row.evidence as Record<string, unknown>,
    ruleId: row.ruleId,
    ruleVersion: row.ruleVersion,
  };
}

/** A stored finding row in its public shape. */
export function findingViewFromRow(row: Parameters<typeof findingFromRow>[0]): FindingView {
  return toFindingView(findingFromRow(row));
}
