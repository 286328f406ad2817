import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IngestResult, ScanStatus } from '@listinglens/contracts';
import { listingContentHash, type ListingInput } from './content-hash';
import { PrismaService } from './prisma.service';

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
  constructor(private readonly prisma: PrismaService) {}

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
    const images = input.images;
    const rows = await this.prisma.$queryRaw<Array<ScanRow & { created: boolean }>>`
      WITH upserted AS (
        INSERT INTO listings (id, marketplace, "externalId", "sellerId", title, description, "priceAmount",
                              "priceCurrency", "aiDisclosure", "contentHash", version, "updatedAt")
        VALUES (${randomUUID()}::uuid, ${input.marketplace}, ${input.externalId}, ${input.sellerId}, ${input.title},
                ${input.description ?? null}, ${input.price.amount}::numeric, ${input.price.currency},
                ${input.aiDisclosure ?? null}::boolean, ${contentHash}, 1, now())
        ON CONFLICT (marketplace, "externalId") DO UPDATE SET
          "sellerId" = EXCLUDED."sellerId", title = EXCLUDED.title, description = EXCLUDED.description,
          "priceAmount" = EXCLUDED."priceAmount", "priceCurrency" = EXCLUDED."priceCurrency",
          "aiDisclosure" = EXCLUDED."aiDisclosure", "contentHash" = EXCLUDED."contentHash",
          version = listings.version + 1, "updatedAt" = now()
        WHERE listings."contentHash" <> EXCLUDED."contentHash"
        RETURNING id, version
      ), new_scan AS (
        INSERT INTO scans (id, "listingId", "listingVersion", "contentHash", snapshot, "requestId")
        SELECT ${randomUUID()}::uuid, id, version, ${contentHash}, ${JSON.stringify(snapshot)}::jsonb, ${requestId ?? null}
        FROM upserted
        RETURNING id, "listingId", status
      ), new_images AS (
        INSERT INTO listing_images (id, "scanId", "listingId", position, "sourceKind", "sourceUrl", "inlineData")
        SELECT gen_random_uuid(), s.id, s."listingId", v.position - 1, v.kind, v.url, decode(v.data, 'base64')
        FROM new_scan s,
             unnest(${images.map((i) => i.kind)}::text[],
                    ${images.map((i) => (i.kind === 'url' ? i.url : null))}::text[],
                    ${images.map((i) => (i.kind === 'inline' ? i.bytes.toString('base64') : null))}::text[])
               WITH ORDINALITY AS v(kind, url, data, position)
        RETURNING 1
      )
      SELECT id AS "scanId", "listingId", status::text AS status, true AS created FROM new_scan
      UNION ALL
      -- Same content: the statement's snapshot still shows the current version and its scan.
      SELECT s.id, l.id, s.status::text, false
      FROM listings l JOIN scans s ON s."listingId" = l.id AND s."listingVersion" = l.version
      WHERE l.marketplace = ${input.marketplace} AND l."externalId" = ${input.externalId}
        AND l."contentHash" = ${contentHash} AND NOT EXISTS (SELECT 1 FROM new_scan)`;
    if (rows.length > 0) return rows[0];
    // An identical send committed after this statement's snapshot was taken: read what it stored.
    const winner = await this.currentScan(input.marketplace, input.externalId, contentHash);
    if (!winner) throw new Error(`listing ${input.marketplace}/${input.externalId} changed during ingest; retry`);
    return { ...winner, created: false };
  }

  private async currentScan(marketplace: string, externalId: string, contentHash: string): Promise<ScanRow | null> {
    const rows = await this.prisma.$queryRaw<ScanRow[]>`
      SELECT s.id AS "scanId", l.id AS "listingId", s.status::text AS status
      FROM listings l JOIN scans s ON s."listingId" = l.id AND s."listingVersion" = l.version
      WHERE l.marketplace = ${marketplace} AND l."externalId" = ${externalId} AND l."contentHash" = ${contentHash}`;
    return rows[0] ?? null;
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
