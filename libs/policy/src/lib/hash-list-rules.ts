import type { Finding } from '@listinglens/contracts';
import type { PolicyAction, PolicyRule } from './policy-schema';

/** The ground quoted for a hash list's actions (and by the default policy's listed-match rule). */
export const LISTED_IMAGE_GROUND = 'Terms of sale §4.3: product images known to be used in fraud or counterfeit listings are not allowed.';
export const LISTED_IMAGE_GROUND_ZH = '销售条款第 4.3 条：不得使用已知用于欺诈或假冒商品的图片。';

interface ListedMatch {
  list: string;
  action: string;
}

/**
 * A hash list's own action (review, notify_seller, label:<slug>, none) is a rule for its matches, beside
 * the marketplace's policy: the admin who imported a partner's list of known counterfeit photos decided
 * what a match does. One rule per list (id "hash-list:<name>"), holding the image.listed_match findings
 * that matched it. "none" makes no rule: a watch list only records.
 */
export function hashListRules(findings: Finding[]): Array<{ rule: PolicyRule; findings: Finding[] }> {
  const byList = new Map<string, { rule: PolicyRule; findings: Finding[] }>();
  for (const finding of findings) {
    if (finding.code !== 'image.listed_match') continue;
    for (const match of (finding.evidence as { matches?: ListedMatch[] }).matches ?? []) {
      const action = policyActionOf(match.action);
      if (!action) continue;
      const id = `hash-list:${match.list}`;
      let entry = byList.get(id);
      if (!entry) {
        const rule: PolicyRule = { id, code: 'image.listed_match', minConfidence: 0, minSeverity: 'info', actions: [action], ground: LISTED_IMAGE_GROUND, groundZh: LISTED_IMAGE_GROUND_ZH };
        byList.set(id, (entry = { rule, findings: [] }));
      }
      if (!entry.findings.includes(finding)) entry.findings.push(finding);
    }
  }
  return [...byList.values()];
}

/** A list's action as a policy action; null for "none" (and for anything unknown, which the API refuses). */
export function policyActionOf(action: string): PolicyAction | null {
  if (action === 'review' || action === 'notify_seller') return { type: action };
  if (action.startsWith('label:')) return { type: 'auto_label', label: action.slice('label:'.length) };
  return null;
}
