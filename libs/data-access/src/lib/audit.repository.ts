import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '@listinglens/contracts';
import { PrismaService } from './prisma.service';

/** A stored audit entry: what was appended, with its sequence number (the export cursor) and time. */
export interface AuditView extends Omit<AuditEntry, 'data'> {
  seq: string;
  at: string;
  data: unknown;
}

/** The append-only audit log, read in `seq` order; the cursor is the last seq seen. */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(afterSeq: bigint, limit: number, listingId?: string): Promise<AuditView[]> {
    const rows = await this.prisma.auditEvent.findMany({
      where: { seq: { gt: afterSeq }, ...(listingId ? { listingId } : {}) },
      orderBy: { seq: 'asc' },
      take: limit,
    });
    // actorType is only ever written from AuditEntry ('system' | 'key').
    return rows.map((r) => ({ ...r, actorType: r.actorType as AuditEntry['actorType'], seq: r.seq.toString(), at: r.at.toISOString(), data: r.data }));
  }

  /** Every row after `afterSeq`, page by page: an export of any size in constant memory. */
  async *all(afterSeq: bigint, listingId?: string, pageSize = 1000): AsyncGenerator<AuditView> {
    let cursor = afterSeq;
    for (;;) {
      const page = await this.page(cursor, pageSize, listingId);
      yield* page;
      if (page.length < pageSize) return;
      cursor = BigInt(page[page.length - 1].seq);
    }
  }
}
