import { Injectable } from '@nestjs/common';
import { ReviewRepository } from '@listinglens/data-access';
import { decideReview, type ReviewDecision } from '@listinglens/policy';
import { ApiError } from '../common/api-error';
import { mapConflicts } from '../common/conflict';

const BULK_LEASE_MS = 60_000;

@Injectable()
export class ReviewDecisionService {
  constructor(private readonly items: ReviewRepository) {}

  async decide(id: string, decision: ReviewDecision, actor: string) {
    return mapConflicts('review item', id, () =>
      this.items.decide(id, actor, { decision: decision.decision, note: decision.note, final: decision.decision !== 'escalate' }, (ctx) => {
        const { effects } = decideReview({ decision, actor, item: ctx.item, listing: ctx.listing, findings: ctx.findings, labels: ctx.labels, now: new Date() });
        return effects;
      }),
    );
  }

  /** Each item is claimed and decided on its own: one busy item does not sink the other 499. */
  async bulk(decisions: Array<ReviewDecision & { itemId: string }>, actor: string) {
    const results: Array<{ itemId: string; status: number; item?: unknown; error?: { code: string; message: string } }> = [];
    for (const { itemId, ...decision } of decisions) {
      try {
        await mapConflicts('review item', itemId, () => this.items.claim(itemId, actor, BULK_LEASE_MS));
        const { item } = await this.decide(itemId, decision, actor);
        results.push({ itemId, status: 200, item });
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        results.push({ itemId, status: err.status, error: { code: err.code, message: err.message } });
      }
    }
    return results;
  }
}
