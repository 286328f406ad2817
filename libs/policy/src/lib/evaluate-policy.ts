import { type AuditEntry, type Finding, type ModerationEffects, type ReviewFlag, type Severity, SEVERITY_RANK } from '@listinglens/contracts';
import { type PolicyRule, type PolicyVersion } from './policy-schema';
import { sellerEffectOf } from './decision-effects';
import type { AiDisclosure } from './finding-descriptions';
import { hashListRules } from './hash-list-rules';
import { buildNotice } from './statement-of-reasons';

export interface PolicyInput {
  policy: PolicyVersion;
  /** Evaluated and recorded in the audit log, never acted on. */
  shadowPolicy: PolicyVersion | null;
  listing: { listingId: string; sellerId: string; title: string; createdAt?: string; aiDisclosure: AiDisclosure };
  scanId: string;
  findings: Finding[];
  /** Labels the listing already carries (not applied again, no new notice for them). */
  activeLabels: string[];
  now: Date;
}

interface RuleMatch {
  rule: PolicyRule;
  findings: Finding[];
}

export function matchRules(rules: PolicyRule[], findings: Finding[]): RuleMatch[] {
  return rules
    .map((rule) => ({
      rule,
      findings: findings.filter(
        (f) =>
          (rule.code === '*' || rule.code === f.code) &&
          f.confidence >= rule.minConfidence &&
          SEVERITY_RANK[f.severity] >= SEVERITY_RANK[rule.minSeverity],
      ),
    }))
    .filter((m) => m.findings.length > 0);
}

/**
 * Turns a scan's findings into actions: review, labels, seller notice, and the audit entries saying
 * which policy version and rule caused each one. Pure: the caller persists the result in one
 * transaction with the scan's results.
 */
export function evaluatePolicy(input: PolicyInput): ModerationEffects {
  const { policy, listing } = input;
  // The policy's rules, then each matched hash list's own action (hash-list-rules.ts).
  const matches = [...matchRules(policy.rules, input.findings), ...hashListRules(input.findings)];
  const audit: AuditEntry[] = [];
  const entry = (action: string, ruleId: string | null, data: Record<string, unknown>, shadow = false, version = policy.version): AuditEntry => ({
    actorType: 'system',
    actor: 'policy',
    action,
    listingId: listing.listingId,
    subjectType: 'scan',
    subjectId: input.scanId,
    reason: null,
    policyVersion: version,
    ruleId,
    shadow,
    data,
  });

  const reviewMatches = matches.filter((m) => m.rule.actions.some((a) => a.type === 'review'));
  let review: ReviewFlag | null = null;
  if (reviewMatches.length > 0) {
    const flagged = reviewMatches.flatMap((m) => m.findings);
    review = {
      severity: maxSeverity(flagged),
      codes: [...new Set(flagged.map((f) => f.code))].sort(),
      ruleIds: reviewMatches.map((m) => m.rule.id),
      policyVersion: policy.version,
    };
    for (const m of reviewMatches) audit.push(entry('review.flagged', m.rule.id, { codes: [...new Set(m.findings.map((f) => f.code))] }));
  }

  const labelsToApply: ModerationEffects['labelsToApply'] = [];
  for (const m of matches) {
    for (const action of m.rule.actions) {
      if (action.type !== 'auto_label') continue;
      if (input.activeLabels.includes(action.label) || labelsToApply.some((l) => l.label === action.label)) continue;
      labelsToApply.push({ label: action.label, ruleId: m.rule.id, policyVersion: policy.version });
      audit.push(entry('label.applied', m.rule.id, { label: action.label, codes: m.findings.map((f) => f.code) }));
    }
  }

  const notifyMatches = matches.filter((m) => m.rule.actions.some((a) => a.type === 'notify_seller'));
  const labelMatches = matches.filter((m) => m.rule.actions.some((a) => a.type === 'auto_label' && labelsToApply.some((l) => l.label === a.label)));
  const notices: ModerationEffects['notices'] = [];
  // Every action that touches the listing (a new label), or an explicit notify rule, tells the seller.
  const effect = sellerEffectOf(labelsToApply.length > 0 ? 'policy.label' : 'policy.notify', { applied: labelsToApply.map((l) => l.label), removed: [] });
  if (effect && (labelsToApply.length > 0 || notifyMatches.some((m) => !m.rule.actions.some((a) => a.type === 'auto_label')))) {
    const motivating = uniqueFindings([...labelMatches, ...notifyMatches].flatMap((m) => m.findings));
    const rules = [...new Set([...labelMatches, ...notifyMatches].map((m) => m.rule))];
    notices.push(
      buildNotice({
        puidParts: ['scan', input.scanId, `policy:${policy.marketplace}:${policy.version}`, ...labelsToApply.map((l) => l.label)],
        listing,
        findings: motivating,
        labelsApplied: labelsToApply.map((l) => l.label),
        labelsRemoved: [],
        effect,
        automated: 'FULLY',
        grounds: rules.flatMap((r) => (r.ground ? [{ en: r.ground, zh: r.groundZh }] : [])),
        ruleIds: rules.map((r) => r.id),
        policyVersion: policy.version,
        now: input.now,
      }),
    );
  }

  if (input.shadowPolicy) {
    const shadow = input.shadowPolicy;
    for (const m of matchRules(shadow.rules, input.findings)) {
      audit.push(entry('policy.shadow_match', m.rule.id, { actions: m.rule.actions, codes: m.findings.map((f) => f.code) }, true, shadow.version));
    }
  }
  return { review, labelsToApply, labelsToRemove: [], notices, audit };
}

export function maxSeverity(findings: Finding[]): Severity {
  return findings.reduce<Severity>((max, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[max] ? f.severity : max), 'info');
}

function uniqueFindings(findings: Finding[]): Finding[] {
  return [...new Set(findings)];
}
