import { createHash } from 'node:crypto';
import { EU_COUNTRIES, type Finding, type NoticeDraft, type StatementOfReasons } from '@listinglens/contracts';
import type { SellerEffect } from './decision-effects';
import { type AiDisclosure, describeFinding } from './finding-descriptions';
import { type LocalizedGround, renderNotice } from './notice-text';
import { publicStatement } from './public-text';
import { classifyFindings } from './statement-categories';

const REDRESS = ['REDRESS_INTERNAL_COMPLAINT_HANDLING', 'REDRESS_OUT_OF_COURT_SETTLEMENT', 'REDRESS_JUDICIAL'];

export interface NoticeInput {
  /** Stable inputs of the decision: the same decision always gets the same puid (idempotency key). */
  puidParts: string[];
  listing: { listingId: string; sellerId: string; title: string; createdAt?: string; aiDisclosure: AiDisclosure };
  findings: Finding[];
  labelsApplied: string[];
  labelsRemoved: string[];
  /** What the decision does to the seller (decision-effects.ts). */
  effect: SellerEffect;
  automated: 'FULLY' | 'PARTIALLY' | 'NOT';
  grounds: LocalizedGround[];
  ruleIds: string[];
  policyVersion: number | null;
  /** A reviewer's decision, with the reviewer's own words. */
  review?: { decision: 'confirm' | 'dismiss' | 'escalate' | 'relabel'; note: string; isAppeal: boolean };
  parentNoticeId?: string | null;
  now: Date;
}

/**
 * A DSA art. 17 statement of reasons built from the findings, with contacts masked (the seller gets
 * the masked form; full values stay in the evidence for reviewers), in the Transparency Database's
 * vocabulary, rendered in English and Chinese. Texts are cut to the database's lengths. The statement is
 * stored as it will be published: personal data in its free text (a reviewer's note) is masked.
 */
export function buildNotice(input: NoticeInput): NoticeDraft {
  const puid = `ll-${createHash('sha256').update(input.puidParts.join('|')).digest('hex').slice(0, 32)}`;
  const facts = input.findings.map((f) => describeFinding(f, input.listing.aiDisclosure));
  const { effect } = input;
  const classified = classifyFindings(input.findings);
  const groundEn = input.grounds.map((g) => g.en).join(' ') || 'Marketplace terms of sale.';
  const explanation = input.review
    ? `${input.review.isAppeal ? 'Appeal reviewed. ' : ''}A reviewer decided "${input.review.decision}" on the automated findings. Reviewer's note: ${input.review.note}`
    : 'The listing was checked automatically against the marketplace policy; the facts are what was found.';
  const statement: StatementOfReasons = publicStatement({
    puid,
    decision_visibility: effect.visibility,
    ...(effect.visibilityOther ? { decision_visibility_other: cut(effect.visibilityOther, 500) } : {}),
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: cut(groundEn, 500),
    incompatible_content_explanation: cut(explanation, 2000),
    ...classified,
    decision_facts: cut(facts.map((f) => `- ${f.en}`).join('\n') || '- No finding remains on this listing.', 5000),
    automated_detection: 'Yes',
    automated_decision: `AUTOMATED_DECISION_${input.automated === 'NOT' ? 'NOT_AUTOMATED' : input.automated}` as StatementOfReasons['automated_decision'],
    source_type: 'SOURCE_VOLUNTARY',
    territorial_scope: [...EU_COUNTRIES],
    application_date: day(input.now.toISOString()),
    // A listing is never dated after the decision about it; a clock skew must not make it so.
    content_date: day(input.listing.createdAt && input.listing.createdAt < input.now.toISOString() ? input.listing.createdAt : input.now.toISOString()),
    redress: REDRESS,
    labels: input.labelsApplied,
    policy_version: input.policyVersion,
    rule_ids: input.ruleIds,
  });
  const rendered = renderNotice({
    title: input.listing.title,
    effect: effect.effect,
    disabled: effect.visibility.includes('DECISION_VISIBILITY_CONTENT_DISABLED'),
    labelsApplied: input.labelsApplied,
    labelsRemoved: input.labelsRemoved,
    review: input.review,
    facts,
    grounds: input.grounds,
    automated: input.automated,
  });
  return { puid, listingId: input.listing.listingId, sellerId: input.listing.sellerId, effect: effect.effect, statement, rendered, parentNoticeId: input.parentNoticeId ?? null };
}

const day = (iso: string) => iso.slice(0, 10);
/** Characters, not UTF-16 units: the database counts characters. */
const cut = (s: string, max: number) => ([...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s);
