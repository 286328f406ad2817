import { Injectable } from '@nestjs/common';
import type { Finding, ModerationEffects, Severity } from '@listinglens/contracts';
import type { Prisma } from '../generated/prisma/client';
import { appendOutboxEvent } from './outbox-writes';
import { applyModeration, listingLabels, lockListingLabels, sameLabelSet } from './moderation-writes';
import { PrismaService } from './prisma.service';
import { decodeCursor, encodeCursor, reviewCursorSchema } from './cursor';
import { findingFromRow } from './finding-row';
import { type ReviewFilters, reviewWhere } from './review-filters';
import { ReviewConflict } from './review-conflict';

export interface ReviewItemView {
  id: string;
  listingId: string;
  scanId: string | null;
  marketplace: string;
  sellerId: string;
  /** A claim whose lease ran out reads as open again. */
  status: 'open' | 'claimed' | 'escalated' | 'decided';
  severity: Severity;
  codes: string[];
  isAppeal: boolean;
  appealNoticeId: string | null;
  policyVersion: number | null;
  ruleIds: string[];
  claimedBy: string | null;
  leaseUntil: string | null;
  decision: unknown;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export type { ReviewFilters } from './review-filters';

/** What a decision is made from: read before the deciding transaction, which checks the labels are still these. */
export interface DecisionContext {
  item: ReviewItemView;
  listing: { listingId: string; sellerId: string; title: string; marketplace: string; createdAt: string; aiDisclosure: boolean | null };
  findings: Finding[];
  labels: Array<{ label: string; source: string }>;
}

type Row = Prisma.ReviewItemGetPayload<object>;

@Injectable()
export class ReviewRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Ordered by severity, then age (oldest first); keyset-paged so a page never skips or repeats. */
  async list(filters: ReviewFilters, cursor: string | undefined, limit: number): Promise<{ items: ReviewItemView[]; nextCursor: string | null }> {
    const now = new Date();
    const where = reviewWhere(filters, now);
    const after = cursor ? decodeCursor(reviewCursorSchema, cursor) : null;
    if (after) {
      const c = new Date(after.c);
      where.push({
        OR: [
          { severityRank: { lt: after.r } },
          { severityRank: after.r, createdAt: { gt: c } },
          { severityRank: after.r, createdAt: c, id: { gt: after.id } },
        ],
      });
    }
    const rows = await this.prisma.reviewItem.findMany({
      where: { AND: where },
      orderBy: [{ severityRank: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => toView(r, now)),
      nextCursor: rows.length > limit && last ? encodeCursor(reviewCursorSchema, { r: last.severityRank, c: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  async get(id: string): Promise<ReviewItemView | null> {
    const row = await this.prisma.reviewItem.findUnique({ where: { id } });
    return row && toView(row, new Date());
  }

  /** Claims an item for `leaseMs`. Open, escalated, expired or own claims can be (re)claimed. */
  async claim(id: string, actor: string, leaseMs: number): Promise<ReviewItemView> {
    const updated = await this.prisma.$queryRaw<Array<{ id: string }>>`
      UPDATE review_items SET status = 'claimed', "claimedBy" = ${actor}, "leaseUntil" = now() + ${leaseMs} * interval '1 millisecond'
      WHERE id = ${id}::uuid AND (status IN ('open', 'escalated')
        OR (status = 'claimed' AND ("leaseUntil" < now() OR "claimedBy" = ${actor})))
      RETURNING id`;
    const item = await this.get(id);
    if (!item) throw ReviewConflict.missing('review item', id);
    if (updated.length === 0) {
      throw ReviewConflict.state(item.status === 'decided' ? 'this item is already decided' : `claimed by another reviewer until ${item.leaseUntil}`);
    }
    return item;
  }

  /** Gives a live claim back (the reviewer left the item): it reads as it did before the claim. */
  async release(id: string, actor: string): Promise<boolean> {
    const released = await this.prisma.$executeRaw`
      UPDATE review_items SET status = (CASE WHEN decision->>'decision' = 'escalate' THEN 'escalated' ELSE 'open' END)::"ReviewStatus",
        "claimedBy" = NULL, "leaseUntil" = NULL
      WHERE id = ${id}::uuid AND status = 'claimed' AND "claimedBy" = ${actor}`;
    return released > 0;
  }

  /** What a decision on this item is made from (item, listing, findings, labels now); null if no such item. */
  async decisionContext(id: string): Promise<DecisionContext | null> {
    const now = new Date();
    const row = await this.prisma.reviewItem.findUnique({ where: { id } });
    if (!row) return null;
    const listing = await this.prisma.listing.findUniqueOrThrow({ where: { id: row.listingId } });
    const findings = row.scanId ? await this.prisma.finding.findMany({ where: { scanId: row.scanId } }) : [];
    return {
      item: toView(row, now),
      listing: { listingId: listing.id, sellerId: listing.sellerId, title: listing.title, marketplace: listing.marketplace, createdAt: listing.createdAt.toISOString(), aiDisclosure: listing.aiDisclosure },
      findings: findings.map(findingFromRow),
      labels: await listingLabels(this.prisma, row.listingId),
    };
  }

  /**
   * Writes a decision on an item the actor holds a live claim on: the effects the caller worked out
   * from `decidedFrom` (a decisionContext). Under the listing's label lock the labels are read again;
   * if a scan or another reviewer changed them meanwhile nothing is written and the caller decides
   * again from the labels now. Everything commits in one transaction with the outbox events.
   */
  async decide(
    id: string,
    actor: string,
    outcome: { decision: string; note: string; final: boolean },
    effects: ModerationEffects,
    decidedFrom: DecisionContext['labels'],
  ): Promise<{ status: 'written'; item: ReviewItemView; noticeIds: string[] } | { status: 'labels_changed' }> {
    return this.prisma.$transaction(async (tx) => {
      // The label lock goes first, as in scan completion. An item's listing never changes.
      const [target] = await tx.$queryRaw<Array<{ listingId: string }>>`SELECT "listingId" FROM review_items WHERE id = ${id}::uuid`;
      if (!target) throw ReviewConflict.missing('review item', id);
      await lockListingLabels(tx, target.listingId);
      const [row] = await tx.$queryRaw<Row[]>`SELECT * FROM review_items WHERE id = ${id}::uuid FOR UPDATE`;
      if (!row) throw ReviewConflict.missing('review item', id);
      const now = new Date();
      if (row.status === 'decided') throw ReviewConflict.state('this item is already decided');
      if (row.status !== 'claimed' || row.claimedBy !== actor || !row.leaseUntil || row.leaseUntil < now) {
        throw ReviewConflict.state('claim the item first (POST /v1/review/items/:id/claim); decisions need a live claim');
      }
      const labels = await listingLabels(tx, row.listingId);
      // The source matters here: dismiss lifts only the labels the policy applied.
      const withSource = (ls: DecisionContext['labels']) => ls.map((l) => `${l.source}:${l.label}`);
      if (!sameLabelSet(withSource(labels), withSource(decidedFrom))) return { status: 'labels_changed' as const };
      const applied = await applyModeration(
        tx,
        { listingId: row.listingId, marketplace: row.marketplace, sellerId: row.sellerId, scanId: row.scanId },
        effects,
        { type: 'key', id: actor },
      );
      const decision = { decision: outcome.decision, note: outcome.note, labelsApplied: effects.labelsToApply.map((l) => l.label), labelsRemoved: effects.labelsToRemove };
      const updated = await tx.reviewItem.update({
        where: { id },
        data: outcome.final
          ? { status: 'decided', decision, decidedBy: actor, decidedAt: now, claimedBy: null, leaseUntil: null }
          : { status: 'escalated', decision, claimedBy: null, leaseUntil: null },
      });
      await appendOutboxEvent(tx, 'review.decided', {
        reviewItemId: id,
        listingId: row.listingId,
        decision: outcome.decision,
        labelsApplied: decision.labelsApplied,
        labelsRemoved: decision.labelsRemoved,
        note: outcome.note,
        decidedBy: actor,
      });
      return { status: 'written' as const, item: toView(updated, now), noticeIds: applied.noticeIds };
    });
  }
}

function toView(row: Row, now: Date): ReviewItemView {
  const expired = row.status === 'claimed' && (!row.leaseUntil || row.leaseUntil < now);
  return {
    id: row.id,
    listingId: row.listingId,
    scanId: row.scanId,
    marketplace: row.marketplace,
    sellerId: row.sellerId,
    status: expired ? 'open' : row.status,
    severity: row.severity,
    codes: row.codes,
    isAppeal: row.isAppeal,
    appealNoticeId: row.appealNoticeId,
    policyVersion: row.policyVersion,
    ruleIds: row.ruleIds,
    claimedBy: expired ? null : row.claimedBy,
    leaseUntil: expired ? null : (row.leaseUntil?.toISOString() ?? null),
    decision: row.decision,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
