import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from './prisma.service';

export interface DueStatement {
  noticeId: string;
  statement: unknown;
  /** Attempts made before this one. */
  attempts: number;
}

export interface TdbAnswer {
  httpStatus: number | null;
  uuid?: string | null;
  errors?: unknown;
}

/**
 * The Transparency Database submissions, kept on the notice they belong to: queued with the notice,
 * released by the outbox dispatcher (webhook-outbox-dispatch.repository.ts), the worker's submitter takes due ones and
 * records the database's answer. Several workers may run: a taken statement is leased (its next
 * attempt time moved past the lease) in the same statement that locks it, SKIP LOCKED.
 */
@Injectable()
export class TransparencyDbSubmissionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async takeDue(limit: number, leaseMs: number): Promise<DueStatement[]> {
    return this.prisma.$queryRaw<DueStatement[]>`
      UPDATE notices SET "tdbNextAttemptAt" = now() + make_interval(secs => ${leaseMs / 1000}::float8)
       WHERE id IN (SELECT id FROM notices
                     WHERE "tdbStatus" = 'queued' AND "tdbNextAttemptAt" <= now()
                     ORDER BY "tdbNextAttemptAt", id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id AS "noticeId", statement, "tdbAttempts" AS attempts`;
  }

  /** 201: the database holds the statement. */
  async accepted(noticeId: string, answer: TdbAnswer): Promise<void> {
    await this.record(noticeId, 'submitted', answer, null, { tdbSubmittedAt: new Date() });
  }

  /** 4xx: the database will never take this statement as it is (422 lists why). */
  async refused(noticeId: string, answer: TdbAnswer): Promise<void> {
    await this.record(noticeId, 'refused', answer, null);
  }

  /**
   * 401/403: the token was not accepted. The statements stay queued until `until`, not counted as
   * attempts (the retry schedule is for the database's own failures); the answer is kept so the notice
   * shows why it waits.
   */
  async pausedByAuth(noticeIds: string[], answer: TdbAnswer, until: Date): Promise<void> {
    if (noticeIds.length === 0) return;
    await this.prisma.notice.updateMany({
      where: { id: { in: noticeIds }, tdbStatus: 'queued' },
      data: { tdbNextAttemptAt: until, tdbHttpStatus: answer.httpStatus, tdbErrors: jsonOrNull(answer.errors) },
    });
  }

  /**
   * Puts statements the database refused (or gave up on) back in the queue, after what made it refuse
   * was fixed (a token refused before 401s paused submission, a statement corrected by hand). Attempts
   * start again from zero, so the retry schedule applies in full. Returns the notices re-queued.
   */
  async requeue(filter: { status: 'refused' | 'failed'; noticeIds?: string[]; httpStatus?: number[] }): Promise<string[]> {
    const ids = filter.noticeIds ? Prisma.sql`AND id = ANY(${filter.noticeIds}::uuid[])` : Prisma.empty;
    const statuses = filter.httpStatus ? Prisma.sql`AND "tdbHttpStatus" = ANY(${filter.httpStatus}::int[])` : Prisma.empty;
    const rows = await this.prisma.$queryRaw<Array<{ id: string }>>`
      UPDATE notices SET "tdbStatus" = 'queued', "tdbAttempts" = 0, "tdbNextAttemptAt" = now()
       WHERE "tdbStatus" = ${filter.status} ${ids} ${statuses}
      RETURNING id`;
    return rows.map((r) => r.id);
  }

  /** 5xx, 429 or no answer: try again at `next`, or give up (`next` null). */
  async retry(noticeId: string, answer: TdbAnswer, next: Date | null): Promise<void> {
    await this.record(noticeId, next ? 'queued' : 'failed', answer, next);
  }

  private async record(noticeId: string, status: string, answer: TdbAnswer, next: Date | null, extra: Prisma.NoticeUpdateInput = {}): Promise<void> {
    await this.prisma.notice.update({
      where: { id: noticeId },
      data: {
        tdbStatus: status,
        tdbAttempts: { increment: 1 },
        tdbLastAttemptAt: new Date(),
        tdbNextAttemptAt: next,
        tdbHttpStatus: answer.httpStatus,
        tdbUuid: answer.uuid ?? null,
        tdbErrors: jsonOrNull(answer.errors),
        ...extra,
      },
    });
  }
}

const jsonOrNull = (v: unknown) => (v === undefined || v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));
