import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { BLOB_STORE, type BlobStore, displayKey, thumbKey } from './blob-store';

export interface EvidenceToKeep {
  sha256: string;
  format: string;
  bytes: Buffer;
  width: number;
  height: number;
  thumb: { bytes: Buffer; width: number; height: number };
  /** A PNG rendering for formats a browser does not show as stored (TIFF, BMP, HEIF). */
  display: { bytes: Buffer } | null;
}

/** One scan image's evidence as the api serves it: whose listing it is decides who may see it. */
export interface EvidenceImage {
  sha256: string;
  format: string;
  listingId: string;
  sellerId: string;
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
}

export interface EvidenceTotals {
  blobs: number;
  bytes: number;
}

/**
 * The evidence store: the bytes a finding or review item was judged on, once per sha256. The catalogue
 * (`evidence_blobs`) is always PostgreSQL; the bytes go to the BlobStore (PostgreSQL by default).
 */
@Injectable()
export class EvidenceRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  /** Which of these sha256s are stored already (their thumbnails need not be rendered again). */
  async stored(sha256s: readonly string[]): Promise<Set<string>> {
    if (sha256s.length === 0) return new Set();
    const rows = await this.prisma.evidenceBlob.findMany({ where: { sha256: { in: [...sha256s] } }, select: { sha256: true } });
    return new Set(rows.map((r) => r.sha256));
  }

  /**
   * Keeps new bytes, or renews the retention of stored ones (`fresh: sha256` with nothing else). The
   * catalogue row is written first: retention locks that row while it deletes, so a keep racing it
   * either waits and stores the bytes again, or renews the row before retention looks at it.
   */
  async keep(items: ReadonlyArray<EvidenceToKeep | { sha256: string }>): Promise<void> {
    const now = new Date();
    for (const item of items) {
      if (!('bytes' in item)) {
        await this.prisma.evidenceBlob.updateMany({ where: { sha256: item.sha256 }, data: { lastKeptAt: now } });
        continue;
      }
      await this.prisma.evidenceBlob.upsert({
        where: { sha256: item.sha256 },
        create: {
          sha256: item.sha256,
          format: item.format,
          byteSize: item.bytes.length,
          width: item.width,
          height: item.height,
          thumbWidth: item.thumb.width,
          thumbHeight: item.thumb.height,
          thumbByteSize: item.thumb.bytes.length + (item.display?.bytes.length ?? 0),
          lastKeptAt: now,
        },
        update: { lastKeptAt: now },
      });
      await this.blobs.put(item.sha256, item.bytes);
      await this.blobs.put(thumbKey(item.sha256), item.thumb.bytes);
      if (item.display) await this.blobs.put(displayKey(item.sha256), item.display.bytes);
    }
  }

  /** The kept evidence of one scan image (null: no such image, or its bytes were not kept). */
  async image(scanId: string, position: number): Promise<EvidenceImage | null> {
    const row = await this.prisma.listingImage.findUnique({
      where: { scanId_position: { scanId, position } },
      select: { evidenceSha256: true, listingId: true, listing: { select: { sellerId: true } } },
    });
    if (!row?.evidenceSha256) return null;
    const blob = await this.prisma.evidenceBlob.findUnique({ where: { sha256: row.evidenceSha256 } });
    if (!blob) return null;
    return {
      sha256: blob.sha256,
      format: blob.format,
      listingId: row.listingId,
      sellerId: row.listing.sellerId,
      width: blob.width,
      height: blob.height,
      thumbWidth: blob.thumbWidth,
      thumbHeight: blob.thumbHeight,
    };
  }

  /** Stored bytes by key (the original under its sha256, derivatives under thumbKey/displayKey). */
  async bytes(key: string): Promise<Buffer | null> {
    return this.blobs.get(key);
  }

  /**
   * The bytes a listing's url image was scanned from before, if kept: a later scan of the listing reads
   * them instead of asking the seller's server again (which may now serve other pixels).
   */
  async keptForUrl(listingId: string, url: string): Promise<Buffer | null> {
    const row = await this.prisma.listingImage.findFirst({
      where: { listingId, sourceKind: 'url', sourceUrl: url, evidenceSha256: { not: null } },
      select: { evidenceSha256: true },
      orderBy: { scan: { listingVersion: 'desc' } },
    });
    return row?.evidenceSha256 ? this.blobs.get(row.evidenceSha256) : null;
  }

  async totals(): Promise<EvidenceTotals> {
    const [row] = await this.prisma.$queryRaw<Array<{ blobs: bigint; bytes: bigint | null }>>`
      SELECT count(*) AS blobs, sum("byteSize" + "thumbByteSize") AS bytes FROM evidence_blobs`;
    return { blobs: Number(row?.blobs ?? 0), bytes: Number(row?.bytes ?? 0) };
  }

  /**
   * Retention: removes evidence last kept before `cutoff`, unless an open review item, an appeal not yet
   * decided or a statement of reasons not yet delivered to the Transparency Database refers to a listing
   * showing it. Returns how many blobs went. Runs in batches; rows another run holds are skipped.
   */
  async expire(cutoff: Date, batch = 200): Promise<number> {
    let removed = 0;
    for (;;) {
      const gone = await this.prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<Array<{ sha256: string }>>`
          SELECT b.sha256 FROM evidence_blobs b
          WHERE b."lastKeptAt" < ${cutoff}
            AND NOT EXISTS (
              SELECT 1 FROM listing_images li
              WHERE li."evidenceSha256" = b.sha256
                AND (EXISTS (SELECT 1 FROM review_items r WHERE r."listingId" = li."listingId" AND r.status <> 'decided')
                  OR EXISTS (SELECT 1 FROM notices n WHERE n."listingId" = li."listingId"
                    AND (n."tdbStatus" = 'queued'
                      OR (n."appealedAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notices o WHERE o."parentNoticeId" = n.id))))))
          ORDER BY b."lastKeptAt"
          LIMIT ${batch}
          FOR UPDATE OF b SKIP LOCKED`;
        if (rows.length === 0) return 0;
        const shas = rows.map((r) => r.sha256);
        // Bytes first, while the rows are locked: a scan keeping the same photo meanwhile waits on its
        // catalogue row and then stores the bytes anew.
        await this.blobs.delete(shas.flatMap((s) => [s, thumbKey(s), displayKey(s)]));
        await tx.listingImage.updateMany({ where: { evidenceSha256: { in: shas } }, data: { evidenceSha256: null } });
        await tx.evidenceBlob.deleteMany({ where: { sha256: { in: shas } } });
        return shas.length;
      });
      removed += gone;
      if (gone < batch) return removed;
    }
  }
}
