import { type Finding, findingSchema, type FindingView, toFindingView } from '@listinglens/contracts';

/**
 * A stored finding row as the domain type. Evidence is JSON in the database: it is parsed with its
 * code's schema, so a row that does not match (an unknown code, a key no detector writes) is an error
 * naming the row's rule, never a finding of the wrong shape.
 */
export function findingFromRow(row: {
  code: string;
  severity: string;
  confidence: number;
  imagePosition: number | null;
  evidence: unknown;
  ruleId: string;
  ruleVersion: number;
}): Finding {
  const { code, severity, confidence, imagePosition, evidence, ruleId, ruleVersion } = row;
  const parsed = findingSchema.safeParse({ code, severity, confidence, imagePosition, evidence, ruleId, ruleVersion });
  if (!parsed.success) throw new Error(`stored finding ${row.code} (${row.ruleId} v${row.ruleVersion}) does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}

/** A stored finding row in its public shape. */
export function findingViewFromRow(row: Parameters<typeof findingFromRow>[0]): FindingView {
  return toFindingView(findingFromRow(row));
}
