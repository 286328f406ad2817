import { Injectable } from '@nestjs/common';
import type { ApiErrorCode } from '@listinglens/contracts';
import { ReviewConflict, ReviewRepository } from '@listinglens/data-access';
import { decideReview, publicSubmission, type ReviewDecision } from '@listinglens/policy';
import { ApiError, NotFoundError, ValidationError } from '../common/api-error';
import { mapConflicts } from '../common/conflict';
import { PolicyGroundsService } from './policy-grounds.service';

const BULK_LEASE_MS = 60_000;
/** Each retry loses only to a label change committed between reading the item and writing the decision. */
const LABEL_RACE_ATTEMPTS = 5;

@Injectable()
export class ReviewDecisionService {
  constructor(
    private readonly items: ReviewRepository,
    private readonly grounds: PolicyGroundsService,
  ) {}

  /**
   * Decides here, from the item as read; the repository writes it only if the listing's labels are
   * still the ones decided from (a scan or another reviewer may change them meanwhile), else again.
   */
  async decide(id: string, decision: ReviewDecision, actor: string) {
    const outcome = { decision: decision.decision, note: decision.note, final: decision.decision !== 'escalate' };
    return mapConflicts('review item', id, async () => {
      for (let attempt = 1; attempt <= LABEL_RACE_ATTEMPTS; attempt++) {
        const ctx = await this.items.decisionContext(id);
        if (!ctx) throw ReviewConflict.missing('review item', id);
        // An item's marketplace (and so its policy's grounds) never changes: checked once.
        if (attempt === 1 && decision.decision === 'confirm') await this.assertPolicyGround(ctx.item.marketplace, decision.ground ?? '');
        const { effects } = decideReview({ decision, actor, item: ctx.item, listing: ctx.listing, findings: ctx.findings, labels: ctx.labels, now: new Date() });
        const written = await this.items.decide(id, actor, outcome, effects, ctx.labels);
        if (written.status === 'written') return { item: written.item, noticeIds: written.noticeIds };
      }
      throw ReviewConflict.state("the listing's labels kept changing while the decision was written; try again");
    });
  }

  /**
   * What the decision would send, without writing anything: the reviewer sees, before deciding, the
   * text the public Transparency Database would get (their note with contacts and names masked).
   */
  async preview(id: string, decision: ReviewDecision, actor: string) {
    const ctx = await this.items.decisionContext(id);
    if (!ctx) throw new NotFoundError('review item', id);
    const { effects } = decideReview({ decision, actor, item: ctx.item, listing: ctx.listing, findings: ctx.findings, labels: ctx.labels, now: new Date() });
    return {
      notices: effects.notices.map((n) => ({ effect: n.effect, sentToDatabase: n.effect === 'restriction', public: publicSubmission(n.statement) })),
    };
  }

  /** A confirm rests on a ground the item's policy defines; free text would reach the seller's notice unchecked. */
  private async assertPolicyGround(marketplace: string, ground: string): Promise<void> {
    const grounds = await this.grounds.forMarketplace(marketplace);
    if (!grounds.includes(ground)) {
      throw new ValidationError([{ field: 'ground', message: `not a ground of the policy for ${marketplace}; one of: ${grounds.join(' | ')}` }]);
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
