import { Injectable } from '@nestjs/common';
import type { ApiErrorCode } from '@listinglens/contracts';
import { ReviewRepository } from '@listinglens/data-access';
import { decideReview, type ReviewDecision } from '@listinglens/policy';
import { ApiError, ValidationError } from '../common/api-error';
import { mapConflicts } from '../common/conflict';
import { PolicyGroundsService } from './policy-grounds.service';

const BULK_LEASE_MS = 60_000;

@Injectable()
export class ReviewDecisionService {
  constructor(
    private readonly items: ReviewRepository,
    private readonly grounds: PolicyGroundsService,
  ) {}

  async decide(id: string, decision: ReviewDecision, actor: string) {
    if (decision.decision === 'confirm') await this.assertPolicyGround(id, decision.ground ?? '');
    return mapConflicts('review item', id, () =>
      this.items.decide(id, actor, { decision: decision.decision, note: decision.note, final: decision.decision !== 'escalate' }, (ctx) => {
        const { effects } = decideReview({ decision, actor, item: ctx.item, listing: ctx.listing, findings: ctx.findings, labels: ctx.labels, now: new Date() });
        return effects;
      }),
    );
  }

  /** A confirm rests on a ground the item's policy defines; free text would reach the seller's notice unchecked. */
  private async assertPolicyGround(id: string, ground: string): Promise<void> {
    const item = await this.items.get(id);
    if (!item) return; // the decision itself answers 404
    const grounds = await this.grounds.forMarketplace(item.marketplace);
    if (!grounds.includes(ground)) {
      throw new ValidationError([{ field: 'ground', message: `not a ground of the policy for ${item.marketplace}; one of: ${grounds.join(' | ')}` }]);
    }
  }

  /** Each item is claimed and decided on its own: one busy item does not sink the other 499. */
  async bulk(decisions: Array<ReviewDecision & { itemId: string }>, actor: string) {
    const results: Array<{ itemId: string; status: number; item?: unknown; error?: { code: ApiErrorCode; message: string } }> = [];
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
