import type { NoticeEffect, TdbDecisionVisibility } from '@listinglens/contracts';

/** Every decision ListingLens makes about a listing. */
export type ListingDecision = 'policy.label' | 'policy.notify' | 'review.confirm' | 'review.relabel' | 'review.dismiss' | 'review.escalate';

export interface SellerEffect {
  effect: NoticeEffect;
  visibility: TdbDecisionVisibility[];
  /** Says what DECISION_VISIBILITY_OTHER means here (the database requires it with OTHER). */
  visibilityOther?: string;
}

/**
 * What each decision does to the seller, and so whether a notice is owed and whether it is a
 * statement of reasons for the Transparency Database (restrictions only, art. 17(1) and 24(5)):
 * - policy.label: the policy labels the listing: a restriction (CONTENT_LABELLED).
 * - policy.notify: a notify rule without a label tells the seller; nothing is restricted.
 * - review.confirm: a reviewer confirms the findings break the ground: the listing is hidden from
 *   buyers until the seller corrects it (CONTENT_DISABLED; the marketplace acts on notice.created),
 *   labelled too if the reviewer adds labels. Always a notice, label change or not.
 * - review.relabel: labels added are a restriction; labels only removed lift one.
 * - review.dismiss: lifts the automatic labels; on an appeal it lifts whatever was appealed.
 * - review.escalate: hands the item on; nothing happens to the seller yet.
 * Returns null when the seller is owed no notice.
 */
export function sellerEffectOf(decision: ListingDecision, change: { applied: string[]; removed: string[]; isAppeal?: boolean }): SellerEffect | null {
  const labelled: TdbDecisionVisibility[] = change.applied.length > 0 ? ['DECISION_VISIBILITY_CONTENT_LABELLED'] : [];
  const lifted: SellerEffect = {
    effect: 'restriction_lifted',
    visibility: ['DECISION_VISIBILITY_OTHER'],
    visibilityOther: `Restriction lifted${change.removed.length ? `: labels removed (${change.removed.join(', ')})` : ''}.`,
  };
  switch (decision) {
    case 'policy.label':
      return labelled.length ? { effect: 'restriction', visibility: labelled } : null;
    case 'policy.notify':
      return { effect: 'information', visibility: ['DECISION_VISIBILITY_OTHER'], visibilityOther: 'No restriction: the seller is informed of the findings.' };
    case 'review.confirm':
      return { effect: 'restriction', visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED', ...labelled] };
    case 'review.relabel':
      if (labelled.length) return { effect: 'restriction', visibility: labelled };
      if (change.removed.length) return lifted;
      return change.isAppeal ? { effect: 'information', visibility: ['DECISION_VISIBILITY_OTHER'], visibilityOther: 'Appeal reviewed: nothing changed.' } : null;
    case 'review.dismiss':
      return change.removed.length || change.isAppeal ? lifted : null;
    case 'review.escalate':
      return null;
  }
}
