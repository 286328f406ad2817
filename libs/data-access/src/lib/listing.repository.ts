import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IngestResult, ScanStatus } from '@listinglens/contracts';
import { listingContentHash, type ListingInput } from './content-hash';
import { CURRENT_SCAN_SQL, INGEST_SQL } from './ingest.sql';
import { PrismaService } from './prisma.service';
import { SqlPool } from './sql-pool.service';

export interface ListingRecord {
  listingId: string;
  marketplace: string;
  externalId: string;
  sellerId: string;
  title: string;
  description: string | null;
  price: { amount: string; currency: string };
  aiDisclosure: boolean | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  latestScanId: string | null;
  /** Labels currently on the listing (applied by policy or a reviewer). */
  labels: string[];
}

interface ScanRow {
  scanId: string;
  listingId: string;
  status: ScanStatus;
}

@Injectable()
export class ListingRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: SqlPool,
  ) {}

  /**
   * Stores a listing version, its scan and its images in ONE statement (atomic, one round trip, one
   * commit). Same content as the current version: nothing is written and the current scan comes back
   * with `created: false`, so the caller enqueues nothing. Concurrent identical sends are settled by
   * the upsert's WHERE clause and the unique key, not by luck.
   */
  async ingest(input: ListingInput, requestId?: string): Promise<IngestResult> {
    const contentHash = listingContentHash(input);
    const snapshot = {
      marketplace: input.marketplace,
      externalId: input.externalId,
      sellerId: input.sellerId,
      title: input.title,
      description: input.description ?? null,
      price: input.price,
      aiDisclosure: input.aiDisclosure ?? null,
    };
    // Named: each connection parses and plans this statement once, not on every ingest.
    const { rows } = await this.sql.query<ScanRow & { created: boolean }>({ name: 'listinglens_ingest', text: INGEST_SQL, values: [
      randomUUID(),
      input.marketplace,
      input.externalId,
      input.sellerId,
      input.title,
      input.description ?? null,
      input.price.amount,
      input.price.currency,
      input.aiDisclosure ?? null,
      contentHash,
      randomUUID(),
      JSON.stringify(snapshot),
      requestId ?? null,
      input.images.map((i) => i.kind),
      input.images.map((i) => (i.kind === 'url' ? i.url : null)),
      input.images.map((i) => (i.kind === 'inline' ? i.bytes.toString('base64') : null)),
    ] });
    if (rows.length > 0) return rows[0];
    // An identical send committed after this statement's snapshot was taken: read what it stored.
    const { rows: winner } = await this.sql.query<ScanRow>(CURRENT_SCAN_SQL, [input.marketplace, input.externalId, contentHash]);
    if (!winner[0]) throw new Error(`listing ${input.marketplace}/${input.externalId} changed during ingest; retry`);
    return { ...winner[0], created: false };
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
