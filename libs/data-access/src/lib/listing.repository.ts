import { Injectable } from '@nestjs/common';
import type { IngestResult, ListingSubmission, ListingView } from '@listinglens/contracts';
import { IngestBatcher } from './ingest-batcher';
import { PrismaService } from './prisma.service';
import { SqlPool } from './sql-pool.service';

/** The API's listing view before its latest scan is attached (the controller reads that scan). */
export type ListingRecord = Omit<ListingView, 'latestScan'> & { latestScanId: string | null };

@Injectable()
export class ListingRepository {
  private readonly batcher: IngestBatcher;

  constructor(
    private readonly prisma: PrismaService,
    sql: SqlPool,
  ) {
    this.batcher = new IngestBatcher(sql);
  }

  /**
   * Stores a listing version, its scan and its images atomically (see ingest.sql.ts; concurrent
   * ingests share one statement and one commit). Same content as the current version: nothing is
   * written and the current scan comes back with `created: false`, so the caller enqueues nothing.
   */
  ingest(input: ListingSubmission, requestId?: string): Promise<IngestResult> {
    return this.batcher.submit(input, requestId);
  }

  /** Called with the number of listings in each group statement (metrics). */
  observeIngestGroups(observer: (size: number) => void): void {
    this.batcher.groupObserver = observer;
  }

  async findById(listingId: string): Promise<ListingRecord | null> {
    const listing = await this.prisma.listing.findUnique({
      where: { id: listingId },
      include: {
        scans: { orderBy: { listingVersion: 'desc' }, take: 1, select: { id: true } },
        labels: { where: { removedAt: null }, orderBy: { createdAt: 'asc' }, select: { label: true } },
      },
    });
    if (!listing) return null;
    return {
      listingId: listing.id,
      marketplace: listing.marketplace,
      externalId: listing.externalId,
      sellerId: listing.sellerId,
      title: listing.title,
      description: listing.description,
      price: { amount: listing.priceAmount.toFixed(), currency: listing.priceCurrency },
      aiDisclosure: listing.aiDisclosure,
      version: listing.version,
      createdAt: listing.createdAt.toISOString(),
      updatedAt: listing.updatedAt.toISOString(),
      latestScanId: listing.scans[0]?.id ?? null,
      labels: listing.labels.map((l) => l.label),
    };
  }
}
