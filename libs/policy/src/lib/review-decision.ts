import { z } from 'zod';
import type { Finding, ModerationEffects } from '@listinglens/contracts';
import { sellerEffectOf } from './decision-effects';
import { labelSchema } from './policy-schema';
import type { AiDisclosure } from './finding-descriptions';
import { buildNotice } from './statement-of-reasons';


export const reviewDecisionSchema = z
  .object({
    decision: z.enum(['confirm', 'dismiss', 'escalate', 'relabel']),
    /** Every decision carries a note: the audit log and the seller's notice say why. */
    note: z.string().trim().min(1, 'a note is required with every decision').max(2000),
    /** The policy ground a confirmation rests on (required for confirm). */
    ground: z.string().trim().min(1).max(500).optional(),
    labels: z.object({ apply: z.array(labelSchema).max(20).default([]), remove: z.array(labelSchema).max(20).default([]) }).strict().optional(),
  })
  .strict()
  .refine((d) => d.decision !== 'confirm' || d.ground !== undefined, { path: ['ground'], error: 'confirm needs the policy ground it rests on' });

export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export interface ReviewDecisionInput {
  decision: ReviewDecision;
  actor: string;
  item: { id: string; isAppeal: boolean; appealNoticeId: string | null; policyVersion: number | null; ruleIds: string[] };
  listing: { listingId: string; sellerId: string; title: string; createdAt: string; aiDisclosure: AiDisclosure };
  findings: Finding[];
  labels: Array<{ label: string; source: string }>;
  now: Date;
}

/**
 * What a reviewer's decision does to the listing (see decision-effects.ts for what each one does to
 * the seller). Dismiss lifts the labels the policy applied (the flag was wrong); confirm and relabel
 * apply/remove what the reviewer names; escalate changes nothing and hands the item on. A notice
 * follows whenever the seller is affected: a confirm restricts the listing even without a label.
 */
export function decideReview(input: ReviewDecisionInput): { effects: ModerationEffects; final: boolean } {
  const { decision, item } = input;
  const active = new Set(input.labels.map((l) => l.label));
  const requestedApply = decision.labels?.apply ?? [];
  const requestedRemove = decision.labels?.remove ?? [];
  const removeDefault = decision.decision === 'dismiss' && requestedRemove.length === 0 ? input.labels.filter((l) => l.source === 'policy').map((l) => l.label) : [];
  const apply = decision.decision === 'escalate' ? [] : requestedApply.filter((l) => !active.has(l));
  const remove = decision.decision === 'escalate' ? [] : [...new Set([...requestedRemove, ...removeDefault])].filter((l) => active.has(l));
  const final = decision.decision !== 'escalate';

  const notices: ModerationEffects['notices'] = [];
  const effect = sellerEffectOf(`review.${decision.decision}`, { applied: apply, removed: remove, isAppeal: item.isAppeal });
  if (effect) {
    notices.push(
      buildNotice({
        puidParts: ['review', item.id, decision.decision, ...apply, ...remove.map((l) => `-${l}`)],
        listing: input.listing,
        findings: decision.decision === 'dismiss' ? [] : input.findings,
        labelsApplied: apply,
        labelsRemoved: remove,
        effect,
        automated: 'PARTIALLY',
        grounds: decision.ground ? [{ en: decision.ground }] : [],
        ruleIds: item.ruleIds,
        policyVersion: item.policyVersion,
        review: { decision: decision.decision, note: decision.note, isAppeal: item.isAppeal },
        parentNoticeId: item.appealNoticeId,
        now: input.now,
      }),
    );
  }
  return {
    final,
    effects: {
      review: null,
      labelsToApply: apply.map((l) => ({ label: l, ruleId: null, policyVersion: item.policyVersion })),
      labelsToRemove: remove,
      notices,
      audit: [
        {
          actorType: 'key',
          actor: input.actor,
          action: `review.${decision.decision}`,
          listingId: input.listing.listingId,
          subjectType: 'review_item',
          subjectId: item.id,
          reason: decision.note,
          policyVersion: item.policyVersion,
          ruleId: item.ruleIds[0] ?? null,
          shadow: false,
          data: { ground: decision.ground ?? null, labelsApplied: apply, labelsRemoved: remove, isAppeal: item.isAppeal },
        },
      ],
    },
  };
}
