import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { type ReviewFilters, reviewWhere } from './review-filters';

export interface QueueSummary {
  total: number;
  oldestCreatedAt: string | null;
}

export interface ReviewOverview {
  queueDepth: { open: number; claimed: number; escalated: number };
  decisionsPerDay: Array<{ day: string; decisions: number }>;
  /** Seller-facing decisions (notices) made by the policy alone vs with a reviewer. */
  noticesByAutomation: { automated: number; human: number };
  medianSecondsToDecision: number | null;
}

/** What the console's queue header and overview show; counts run on the queue's own indexes. */
@Injectable()
export class ReviewStatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async summary(filters: ReviewFilters): Promise<QueueSummary> {
    const where = { AND: reviewWhere(filters, new Date()) };
    const [total, oldest] = await Promise.all([
      this.prisma.reviewItem.count({ where }),
      this.prisma.reviewItem.aggregate({ where, _min: { createdAt: true } }),
    ]);
    return { total, oldestCreatedAt: oldest._min.createdAt?.toISOString() ?? null };
  }

  /** `days` of decisions (UTC days, oldest first) and the median over the same window. */
  async overview(days: number): Promise<ReviewOverview> {
    const since = new Date(Date.now() - days * 86_400_000);
    const now = new Date();
    const [open, claimed, escalated, perDay, median, automation] = await Promise.all([
      this.prisma.reviewItem.count({ where: { AND: reviewWhere({ status: 'open' }, now) } }),
      this.prisma.reviewItem.count({ where: { AND: reviewWhere({ status: 'claimed' }, now) } }),
      this.prisma.reviewItem.count({ where: { status: 'escalated' } }),
      this.prisma.$queryRaw<Array<{ day: string; n: bigint }>>`
        SELECT to_char(date_trunc('day', "decidedAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*) AS n
        FROM review_items WHERE status = 'decided' AND "decidedAt" >= ${since} GROUP BY 1 ORDER BY 1`,
      this.prisma.$queryRaw<Array<{ s: number | null }>>`
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "decidedAt" - "createdAt"))::float8 AS s
        FROM review_items WHERE status = 'decided' AND "decidedAt" >= ${since}`,
      this.prisma.$queryRaw<Array<{ automated: bigint; human: bigint }>>`
        SELECT count(*) FILTER (WHERE statement->>'automated_decision' = 'AUTOMATED_DECISION_FULLY') AS automated,
               count(*) FILTER (WHERE statement->>'automated_decision' IS DISTINCT FROM 'AUTOMATED_DECISION_FULLY') AS human
        FROM notices WHERE "createdAt" >= ${since}`,
    ]);
    return {
      queueDepth: { open, claimed, escalated },
      decisionsPerDay: perDay.map((r) => ({ day: r.day, decisions: Number(r.n) })),
      noticesByAutomation: { automated: Number(automation[0]?.automated ?? 0), human: Number(automation[0]?.human ?? 0) },
      medianSecondsToDecision: median[0]?.s ?? null,
    };
  }
}
