import { describe, expect, it } from 'vitest';
import { decideReview, type ReviewDecision, type ReviewDecisionInput, reviewDecisionSchema } from './review-decision';
import { findingOf } from './testing/every-notice';

const NOW = new Date('2026-11-30T12:00:00Z');
const input = (decision: ReviewDecision, over: Partial<ReviewDecisionInput> = {}): ReviewDecisionInput => ({
  decision,
  actor: 'key-1',
  item: { id: 'item-1', isAppeal: false, appealNoticeId: null, policyVersion: 2, ruleIds: ['rule-a'] },
  listing: { listingId: '00000000-0000-4000-8000-000000000001', sellerId: 'seller-1', title: 'Bowl', createdAt: '2026-11-01T08:00:00.000Z', aiDisclosure: null },
  findings: [findingOf('price.mismatch')],
  labels: [
    { label: 'ai-generated-image', source: 'policy' },
    { label: 'manual-hold', source: 'review' },
  ],
  now: NOW,
  ...over,
});

describe('reviewDecisionSchema', () => {
  it('refuses a confirm without a policy ground, and any decision without a note, naming the field', () => {
    const noGround = reviewDecisionSchema.safeParse({ decision: 'confirm', note: 'fake tag' });
    expect(noGround.success || noGround.error.issues.map((i) => i.path.join('.'))).toEqual(['ground']);
    const noNote = reviewDecisionSchema.safeParse({ decision: 'dismiss', note: '  ' });
    expect(noNote.success || noNote.error.issues.map((i) => i.path.join('.'))).toEqual(['note']);
    expect(reviewDecisionSchema.safeParse({ decision: 'dismiss', note: 'ok', extra: 1 }).success).toBe(false);
  });
});

describe('decideReview', () => {
  it('confirm restricts the listing and always owes the seller a statement, label change or not', () => {
    const { effects, final } = decideReview(input({ decision: 'confirm', note: 'fake price tag', ground: 'Terms §4' }));
    expect(final).toBe(true);
    expect(effects.labelsToApply).toEqual([]);
    expect(effects.notices).toHaveLength(1);
    expect(effects.notices[0].effect).toBe('restriction');
    expect(effects.notices[0].statement).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
      incompatible_content_ground: 'Terms §4',
      automated_decision: 'AUTOMATED_DECISION_PARTIALLY',
    });
    expect(effects.audit[0]).toMatchObject({ actor: 'key-1', action: 'review.confirm', reason: 'fake price tag', ruleId: 'rule-a', policyVersion: 2 });
  });

  it('dismiss lifts the labels the policy applied, never a reviewer’s, and says the restriction is lifted', () => {
    const { effects } = decideReview(input({ decision: 'dismiss', note: 'the price is right' }));
    expect(effects.labelsToRemove).toEqual(['ai-generated-image']);
    expect(effects.notices.map((n) => n.effect)).toEqual(['restriction_lifted']);
  });

  it('dismiss with nothing to lift tells the seller nothing, unless it answers an appeal', () => {
    const labels = [{ label: 'manual-hold', source: 'review' }];
    expect(decideReview(input({ decision: 'dismiss', note: 'fine' }, { labels })).effects.notices).toEqual([]);
    const appeal = decideReview(input({ decision: 'dismiss', note: 'fine' }, { labels, item: { id: 'item-2', isAppeal: true, appealNoticeId: 'notice-9', policyVersion: 2, ruleIds: [] } }));
    expect(appeal.effects.notices).toEqual([expect.objectContaining({ effect: 'restriction_lifted', parentNoticeId: 'notice-9' })]);
  });

  it('relabel applies only labels not yet there and removes only labels that are', () => {
    const { effects } = decideReview(input({ decision: 'relabel', note: 'n', labels: { apply: ['ai-generated-image', 'misleading-price'], remove: ['manual-hold', 'absent'] } }));
    expect(effects.labelsToApply.map((l) => l.label)).toEqual(['misleading-price']);
    expect(effects.labelsToRemove).toEqual(['manual-hold']);
    expect(effects.notices.map((n) => n.effect)).toEqual(['restriction']);
  });

  it('escalate changes nothing, tells the seller nothing and leaves the item open', () => {
    const { effects, final } = decideReview(input({ decision: 'escalate', note: 'not sure', labels: { apply: ['x'], remove: ['manual-hold'] } }));
    expect(final).toBe(false);
    expect(effects).toMatchObject({ labelsToApply: [], labelsToRemove: [], notices: [] });
    expect(effects.audit.map((a) => a.action)).toEqual(['review.escalate']);
  });
});
