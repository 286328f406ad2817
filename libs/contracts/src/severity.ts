// Its own module: the evidence schemas need it, and findings.ts imports those schemas (no cycle).
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Severities in order (info 0 … critical 4): policy thresholds and the review queue's ordering. */
export const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;
