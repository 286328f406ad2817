import { Injectable } from '@nestjs/common';
import { type Severity, SEVERITY_RANK } from '@listinglens/contracts';
import { decodeCursor, encodeCursor } from './cursor';
import { appendAudit } from './moderation-writes';
import { appendOutboxEvent } from './outbox-writes';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from './prisma.service';
import { ReviewConflict } from './review-conflict';

export interface NoticeView {
  id: string;
  puid: string;
  listingId: string;
  sellerId: string;
  statement: unknown;
  rendered: { en: string; zh: string };
  parentNoticeId: string | null;
  appealedAt: string | null;
  createdAt: string;
  effect: string;
  transparencyDb: {
    status: string;
    attempts: number;
    uuid: string | null;
    httpStatus: number | null;
    errors: unknown;
    lastAttemptAt: string | null;
    nextAttemptAt: string | null;
    submittedAt: string | null;
  };
}


@Injectable()
export class NoticeRepository {
  constructor(private readonly prisma: PrismaService) {}

  async get(id: string): Promise<NoticeView | null> {
    const row = await this.prisma.notice.findUnique({ where: { id } });
    return row && toView(row);
  }

  /** Newest first, keyset-paged. */
  async listBySeller(sellerId: string, cursor: string | undefined, limit: number): Promise<{ items: NoticeView[]; nextCursor: string | null }> {
    return this.list({ sellerId }, cursor, limit);
  }

  /** Every seller's notices for staff (the console), newest first; optionally one listing's, or only appealed ones. */
  async list(
    filter: { sellerId?: string; listingId?: string; appealed?: boolean },
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: NoticeView[]; nextCursor: string | null }> {
    const after = cursor ? decodeCursor<{ c: string; id: string }>(cursor) : null;
    const rows = await this.prisma.notice.findMany({
      where: {
        ...(filter.sellerId !== undefined ? { sellerId: filter.sellerId } : {}),
        ...(filter.listingId !== undefined ? { listingId: filter.listingId } : {}),
        ...(filter.appealed !== undefined ? { appealedAt: filter.appealed ? { not: null } : null } : {}),
        ...(after ? { OR: [{ createdAt: { lt: new Date(after.c) } }, { createdAt: new Date(after.c), id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toView), nextCursor: rows.length > limit && last ? encodeCursor({ c: last.createdAt.toISOString(), id: last.id }) : null };
  }

  /**
   * An appeal puts the listing back in the review queue, marked as an appeal (joining an unfinished
   * item if there is one). One appeal per notice; the outcome of its review produces a new notice.
   */
  async appeal(id: string, actor: { keyId: string; actingAs: 'seller' | 'admin-for-seller' }, reason: string): Promise<{ notice: NoticeView; reviewItemId: string }> {
    return this.prisma.$transaction(async (tx) => {
      const [notice] = await tx.$queryRaw<Array<{ id: string; appealedAt: Date | null; listingId: string; sellerId: string }>>`
        SELECT id, "appealedAt", "listingId", "sellerId" FROM notices WHERE id = ${id}::uuid FOR UPDATE`;
      if (!notice) throw ReviewConflict.missing('notice', id);
      if (notice.appealedAt) throw ReviewConflict.state(`this notice was already appealed on ${notice.appealedAt.toISOString()}`);
      await tx.notice.update({ where: { id }, data: { appealedAt: new Date(), appealReason: reason } });
      const listing = await tx.listing.findUniqueOrThrow({ where: { id: notice.listingId } });
      const previous = await tx.reviewItem.findFirst({ where: { listingId: notice.listingId }, orderBy: { createdAt: 'desc' } });
      const open = previous && previous.status !== 'decided' ? previous : null;
      const severity: Severity = previous?.severity ?? 'medium';
      const item = open
        ? await tx.reviewItem.update({ where: { id: open.id }, data: { isAppeal: true, appealNoticeId: id } })
        : await tx.reviewItem.create({
            data: {
              listingId: notice.listingId,
              scanId: previous?.scanId ?? null,
              marketplace: listing.marketplace,
              sellerId: listing.sellerId,
              severity,
              severityRank: SEVERITY_RANK[severity],
              codes: previous?.codes ?? [],
              ruleIds: previous?.ruleIds ?? [],
              policyVersion: previous?.policyVersion ?? null,
              isAppeal: true,
              appealNoticeId: id,
            },
          });
      await appendOutboxEvent(tx, 'notice.appealed', { noticeId: id, listingId: notice.listingId, sellerId: notice.sellerId, reviewItemId: item.id });
      await appendOutboxEvent(tx, 'listing.flagged', {
        listingId: notice.listingId,
        reviewItemId: item.id,
        severity: item.severity,
        codes: item.codes,
        policyVersion: item.policyVersion,
        isAppeal: true,
      });
      await appendAudit(tx, [
        {
          actorType: 'key',
          actor: actor.keyId,
          action: 'notice.appealed',
          listingId: notice.listingId,
          subjectType: 'notice',
          subjectId: id,
          reason,
          policyVersion: item.policyVersion,
          ruleId: null,
          shadow: false,
          // An admin may appeal for a seller; the row says so (the key alone would not).
          data: { reviewItemId: item.id, actingAs: actor.actingAs, sellerId: notice.sellerId },
        },
      ]);
      const updated = await tx.notice.findUniqueOrThrow({ where: { id } });
      return { notice: toView(updated), reviewItemId: item.id };
    });
  }
}

type NoticeRow = Prisma.NoticeGetPayload<object>;

function toView(row: NoticeRow): NoticeView {
  return {
    id: row.id,
    puid: row.puid,
    listingId: row.listingId,
    sellerId: row.sellerId,
    statement: row.statement,
    rendered: row.rendered as NoticeView['rendered'],
    parentNoticeId: row.parentNoticeId,
    appealedAt: row.appealedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    effect: row.effect,
    transparencyDb: {
      status: row.tdbStatus,
      attempts: row.tdbAttempts,
      uuid: row.tdbUuid,
      httpStatus: row.tdbHttpStatus,
      errors: row.tdbErrors ?? null,
      lastAttemptAt: row.tdbLastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: row.tdbStatus === 'queued' ? (row.tdbNextAttemptAt?.toISOString() ?? null) : null,
      submittedAt: row.tdbSubmittedAt?.toISOString() ?? null,
    },
  };
}
