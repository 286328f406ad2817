import { describe, expect, it } from 'vitest';
import type { Finding, FindingOf } from '@listinglens/contracts';
import { DEFAULT_POLICY } from './default-policy';
import { evaluatePolicy, type PolicyInput } from './evaluate-policy';
import type { PolicyVersion } from './policy-schema';
import { findingOf } from './testing/every-notice';

const NOW = new Date('2026-11-30T12:00:00Z');
const LISTING = { listingId: '00000000-0000-4000-8000-000000000001', sellerId: 'seller-1', title: 'Bowl', aiDisclosure: null };
const with_ = (f: Finding, patch: Partial<Pick<Finding, 'severity' | 'confidence'>>): Finding => ({ ...f, ...patch }) as Finding;
const input = (findings: Finding[], over: Partial<PolicyInput> = {}): PolicyInput => ({
  policy: DEFAULT_POLICY,
  shadowPolicy: null,
  listing: LISTING,
  scanId: 'scan-1',
  findings,
  activeLabels: [],
  now: NOW,
  ...over,
});

describe('evaluatePolicy', () => {
  it('labels an undisclosed AI image once, tells the seller (fully automated restriction) and audits the rule', () => {
    const effects = evaluatePolicy(input([findingOf('ai.undisclosed'), findingOf('ai.undisclosed', 1)]));
    expect(effects.labelsToApply).toEqual([{ label: 'ai-generated-image', ruleId: 'default.ai-undisclosed.label', policyVersion: 0 }]);
    expect(effects.notices).toHaveLength(1);
    expect(effects.notices[0]).toMatchObject({ effect: 'restriction', sellerId: 'seller-1', parentNoticeId: null });
    expect(effects.notices[0].statement.automated_decision).toBe('AUTOMATED_DECISION_FULLY');
    expect(effects.notices[0].statement.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_LABELLED']);
    expect(effects.audit.filter((a) => a.action === 'label.applied')).toEqual([
      expect.objectContaining({ ruleId: 'default.ai-undisclosed.label', policyVersion: 0, subjectId: 'scan-1', shadow: false }),
    ]);
  });

  it('applies no label and sends no notice for a label the listing already carries', () => {
    const effects = evaluatePolicy(input([findingOf('ai.undisclosed')], { activeLabels: ['ai-generated-image'] }));
    expect(effects.labelsToApply).toEqual([]);
    expect(effects.notices).toEqual([]);
  });

  it('acts only on findings at or above the rule’s confidence and severity', () => {
    expect(evaluatePolicy(input([with_(findingOf('ai.undisclosed'), { confidence: 0.79 })])).labelsToApply).toEqual([]);
    expect(evaluatePolicy(input([with_(findingOf('ai.undisclosed'), { confidence: 0.8 })])).labelsToApply).toHaveLength(1);
    expect(evaluatePolicy(input([with_(findingOf('badge.claim'), { severity: 'medium' })])).review).toBeNull();
    expect(evaluatePolicy(input([with_(findingOf('badge.claim'), { severity: 'critical' })])).review).toMatchObject({ severity: 'critical' });
  });

  it('sends high-severity findings to review with the highest severity and the sorted codes', () => {
    const findings = [with_(findingOf('price.mismatch'), { severity: 'high' }), with_(findingOf('badge.claim'), { severity: 'critical' }), findingOf('price.mismatch', 1)];
    expect(evaluatePolicy(input(findings)).review).toEqual({
      severity: 'critical',
      codes: ['badge.claim', 'price.mismatch'],
      ruleIds: ['default.high-severity.review'],
      policyVersion: 0,
    });
  });

  it('a notify-only rule informs the seller without restricting anything', () => {
    const policy: PolicyVersion = { marketplace: '*', version: 3, shadow: false, rules: [{ id: 'n', code: 'promo.coupon', minConfidence: 0, minSeverity: 'info', actions: [{ type: 'notify_seller' }] }] };
    const effects = evaluatePolicy(input([findingOf('promo.coupon')], { policy }));
    expect(effects.labelsToApply).toEqual([]);
    expect(effects.notices.map((n) => n.effect)).toEqual(['information']);
  });

  it('records a shadow policy’s matches in the audit log and acts on none of them', () => {
    const shadowPolicy: PolicyVersion = { marketplace: '*', version: 9, shadow: true, rules: [{ id: 's', code: '*', minConfidence: 0, minSeverity: 'info', actions: [{ type: 'auto_label', label: 'shadowed' }] }] };
    const effects = evaluatePolicy(input([with_(findingOf('promo.coupon'), { severity: 'low' })], { shadowPolicy }));
    expect(effects.labelsToApply).toEqual([]);
    expect(effects.notices).toEqual([]);
    expect(effects.audit).toEqual([expect.objectContaining({ action: 'policy.shadow_match', ruleId: 's', policyVersion: 9, shadow: true })]);
  });

  it('is deterministic: the same scan and policy give the same notice id (the idempotency key)', () => {
    const a = evaluatePolicy(input([findingOf('ai.undisclosed')]));
    const b = evaluatePolicy(input([findingOf('ai.undisclosed')]));
    expect(a.notices[0].puid).toBe(b.notices[0].puid);
    expect(evaluatePolicy(input([findingOf('ai.undisclosed')], { scanId: 'scan-2' })).notices[0].puid).not.toBe(a.notices[0].puid);
  });

  describe('a hash list\'s own action', () => {
    // An image.listed_match finding whose one match is on a list with this action; 'none' matches are info.
    const listed = (action: string, list = 'partner-acme'): FindingOf<'image.listed_match'> => {
      const f = findingOf('image.listed_match');
      const matches = f.evidence.matches.map((m) => ({ ...m, list, action }));
      return { ...f, severity: action === 'none' ? 'info' : 'high', evidence: { ...f.evidence, matches } };
    };
    const NO_RULES: PolicyVersion = { marketplace: '*', version: 4, shadow: false, rules: [{ id: 'only-ai', code: 'ai.undisclosed', actions: [{ type: 'review' }], minConfidence: 0, minSeverity: 'info' }] };

    it('labels the listing and tells the seller for a list whose action is label:<slug>, under any policy', () => {
      const effects = evaluatePolicy(input([listed('label:known-counterfeit')], { policy: NO_RULES }));
      expect(effects.labelsToApply).toEqual([{ label: 'known-counterfeit', ruleId: 'hash-list:partner-acme', policyVersion: 4 }]);
      expect(effects.notices).toHaveLength(1);
      expect(effects.notices[0].statement.incompatible_content_ground).toMatch(/§4\.3/);
      expect(effects.review).toBeNull();
    });

    it('sends a match to review, or notifies the seller, as its list says', () => {
      expect(evaluatePolicy(input([listed('review')], { policy: NO_RULES })).review).toMatchObject({ ruleIds: ['hash-list:partner-acme'], codes: ['image.listed_match'] });
      const notified = evaluatePolicy(input([listed('notify_seller')], { policy: NO_RULES }));
      expect(notified.review).toBeNull();
      expect(notified.notices).toHaveLength(1);
      expect(notified.labelsToApply).toEqual([]);
    });

    it('only records a match on a watch list (action none), under the default policy too', () => {
      for (const policy of [NO_RULES, DEFAULT_POLICY]) {
        const effects = evaluatePolicy(input([listed('none')], { policy }));
        expect(effects).toMatchObject({ review: null, labelsToApply: [], notices: [] });
      }
    });

    it('takes each matched list\'s action once, naming the list in the audit', () => {
      const both = { ...listed('review'), evidence: { ...listed('review').evidence, matches: [...listed('review').evidence.matches, ...listed('label:known-counterfeit', 'own-confirmed').evidence.matches] } };
      const effects = evaluatePolicy(input([both, listed('review')], { policy: NO_RULES }));
      expect(effects.review?.ruleIds).toEqual(['hash-list:partner-acme']);
      expect(effects.labelsToApply.map((l) => l.ruleId)).toEqual(['hash-list:own-confirmed']);
      expect(effects.audit.map((a) => [a.action, a.ruleId])).toEqual(expect.arrayContaining([['review.flagged', 'hash-list:partner-acme'], ['label.applied', 'hash-list:own-confirmed']]));
    });
  });
});
