import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IngestResult, ScanStatus } from '@listinglens/contracts';
import { Prisma } from '../generated/prisma/client';
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
   * Stores a listing version and its scan in one transaction. Same content as the current version:
   * nothing is written and the existing scan is returned (`created: false`), so the caller enqueues
   * nothing. Concurrent identical sends are settled by the upsert's WHERE clause, not by luck.
   */
  async ingest(input: ListingInput, requestId?: string): Promise<IngestResult> {
    const contentHash = listingContentHash(input);
    const existing = await this.currentScan(input.marketplace, input.externalId, contentHash);
    if (existing) return { ...existing, created: false };

    const listingId = randomUUID();
    const scanId = randomUUID();
    const snapshot = {
      marketplace: input.marketplace,
      externalId: input.externalId,
      sellerId: input.sellerId,
      title: input.title,
      description: input.description ?? null,
      price: input.price,
      aiDisclosure: input.aiDisclosure ?? null,
    };
    const imageRows = input.images.map((image, position) =>
      Prisma.sql`(${randomUUID()}::uuid, ${position}::int, ${image.kind}, ${image.kind === 'url' ? image.url : null}, ${image.kind === 'inline' ? image.bytes : null}::bytea)`,
    );
    const [inserted] = await this.prisma.$transaction([
      this.prisma.$queryRaw<ScanRow[]>`
        WITH upserted AS (
          INSERT INTO listings (id, marketplace, "externalId", "sellerId", title, description, "priceAmount",
                                "priceCurrency", "aiDisclosure", "contentHash", version, "updatedAt")
          VALUES (${listingId}::uuid, ${input.marketplace}, ${input.externalId}, ${input.sellerId}, ${input.title},
                  ${input.description ?? null}, ${input.price.amount}::numeric, ${input.price.currency},
                  ${input.aiDisclosure ?? null}::boolean, ${contentHash}, 1, now())
          ON CONFLICT (marketplace, "externalId") DO UPDATE SET
            "sellerId" = EXCLUDED."sellerId", title = EXCLUDED.title, description = EXCLUDED.description,
            "priceAmount" = EXCLUDED."priceAmount", "priceCurrency" = EXCLUDED."priceCurrency",
            "aiDisclosure" = EXCLUDED."aiDisclosure", "contentHash" = EXCLUDED."contentHash",
            version = listings.version + 1, "updatedAt" = now()
          WHERE listings."contentHash" <> EXCLUDED."contentHash"
          RETURNING id, version
        )
        INSERT INTO scans (id, "listingId", "listingVersion", "contentHash", snapshot, "requestId")
        SELECT ${scanId}::uuid, id, version, ${contentHash}, ${JSON.stringify(snapshot)}::jsonb, ${requestId ?? null}
        FROM upserted
        RETURNING id AS "scanId", "listingId", status::text AS status`,
      // Inserted only when the scan above was (same transaction, so the scan row is visible here).
      this.prisma.$executeRaw`
        INSERT INTO listing_images (id, "scanId", "listingId", position, "sourceKind", "sourceUrl", "inlineData")
        SELECT v.id, s.id, s."listingId", v.position, v.kind, v.url, v.data
        FROM (VALUES ${Prisma.join(imageRows)}) AS v(id, position, kind, url, data)
        JOIN scans s ON s.id = ${scanId}::uuid`,
    ]);
    if (inserted.length > 0) return { ...inserted[0], created: true };
    // Lost a race against an identical send: report the scan that won.
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
      include: { scans: { orderBy: { listingVersion: 'desc' }, take: 1, select: { id: true } } },
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
    };
  }
}
