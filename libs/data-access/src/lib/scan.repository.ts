import { Injectable } from '@nestjs/common';
import { type ImageErrorCode, type ListingSnapshot, listingSnapshotSchema, type ModerationEffects, type ScanOutcome, type ScanView, type StoredImageSource } from '@listinglens/contracts';
import type { Prisma } from '../generated/prisma/client';
import { findingViewFromRow } from './finding-row';
import { activeLabels, applyModeration, lockListingLabels, sameLabelSet } from './moderation-writes';
import { appendOutboxEvent } from './outbox-writes';
import { phashBands, phashToInt } from './phash-index';
import { PrismaService } from './prisma.service';

/** What a worker needs to run a scan: the listing as it was for this version, and its image sources. */
export interface ScanWork {
  scanId: string;
  listingId: string;
  attempts: number;
  listing: ListingSnapshot;
  images: Array<{ position: number; source: StoredImageSource }>;
}

/** The policy's actions for a scan, and the listing's active labels they were decided from. */
export interface ScanModeration {
  effects: ModerationEffects;
  decidedFromLabels: readonly string[];
}

/**
 * `labels_changed`: another scan or a reviewer changed the listing's labels after the caller read them,
 * so its effects may label twice or notify about nothing; nothing was written. Decide again from
 * `activeLabels` (the labels now) and call again.
 */
export type ScanCompletionResult =
  | { status: 'written' }
  | { status: 'already_completed' }
  | { status: 'labels_changed'; activeLabels: string[] };

/** The reuse index columns: the pHash as a signed int64 and its four 16-bit bands. */
function phashColumns(phash: string | null) {
  if (!phash) return { phashInt: null, phashBand0: null, phashBand1: null, phashBand2: null, phashBand3: null };
  const [phashBand0, phashBand1, phashBand2, phashBand3] = phashBands(phash);
  return { phashInt: phashToInt(phash), phashBand0, phashBand1, phashBand2, phashBand3 };
}

@Injectable()
export class ScanRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Marks the scan running and returns its work; null when it is finished already (nothing to do). */
  async start(scanId: string): Promise<ScanWork | null> {
    const scan = await this.prisma.scan.update({
      where: { id: scanId, status: { in: ['queued', 'running'] } },
      data: { status: 'running', attempts: { increment: 1 }, startedAt: new Date() },
      include: { images: { orderBy: { position: 'asc' } } },
    }).catch((err: unknown) => {
      if (isNotFound(err)) return null;
      throw err;
    });
    if (!scan) return null;
    return {
      scanId: scan.id,
      listingId: scan.listingId,
      attempts: scan.attempts,
      listing: listingSnapshotSchema.parse(scan.snapshot),
      images: scan.images.map((image) => ({
        position: image.position,
        source:
          image.sourceKind === 'inline'
            ? { kind: 'inline', bytes: Buffer.from(image.inlineData ?? new Uint8Array()) }
            : { kind: 'url', url: image.sourceUrl ?? '' },
      })),
    };
  }

  /** The listing's active labels now: what the policy decides a scan's actions from before complete(). */
  async activeLabels(listingId: string): Promise<string[]> {
    return activeLabels(this.prisma, listingId);
  }

  /**
   * Writes a scan's results exactly once. The scan row is locked first, so if a stalled job's first
   * run and its retry both finish, the second sees `completed` and writes nothing (no duplicate rows).
   * The policy runs in the caller, outside this transaction: the listing's labels are locked and
   * re-read here, and if they are no longer those `moderation` was decided from, nothing is written
   * and the caller decides again (`labels_changed`).
   */
  /**
   * `kept`: the positions whose bytes are now in the evidence store (EvidenceRepository.keep ran
   * first); their rows point at it. Inline uploads are dropped from every row: what must stay is in
   * the evidence store, the rest keeps only its hashes and metadata.
   */
  async complete(
    scanId: string,
    result: Pick<ScanOutcome, 'images' | 'findings' | 'timings'>,
    moderation: ScanModeration,
    kept: ReadonlySet<number> = new Set(),
  ): Promise<ScanCompletionResult> {
    return this.prisma.$transaction(async (tx): Promise<ScanCompletionResult> => {
      const [locked] = await tx.$queryRaw<Array<{ status: string }>>`
        SELECT status::text AS status FROM scans WHERE id = ${scanId}::uuid FOR UPDATE`;
      if (!locked || locked.status === 'completed') return { status: 'already_completed' };
      const scan = await tx.scan.findUniqueOrThrow({ where: { id: scanId }, include: { listing: true } });
      // Only the listing's current version acts: a late scan of an old version records, never labels.
      const acting = scan.listingVersion === scan.listing.version ? moderation : null;
      if (acting) {
        await lockListingLabels(tx, scan.listingId);
        const labels = await activeLabels(tx, scan.listingId);
        if (!sameLabelSet(labels, acting.decidedFromLabels)) return { status: 'labels_changed', activeLabels: labels };
      }
      const imageIds = new Map<number, string>();
      for (const image of result.images) {
        const row = await tx.listingImage.update({
          where: { scanId_position: { scanId, position: image.position } },
          data: {
            sha256: image.sha256,
            format: image.format,
            width: image.width,
            height: image.height,
            byteSize: image.byteSize,
            phash: image.phash,
            ...phashColumns(image.phash),
            pdq: image.pdq,
            pdqQuality: image.pdqQuality,
            sellerId: scan.listing.sellerId,
            errorCode: image.error?.code ?? null,
            errorMessage: image.error?.message ?? null,
            evidenceSha256: kept.has(image.position) ? image.sha256 : null,
            inlineData: null,
            errorDetector: image.error?.detector ?? null,
          },
          select: { id: true },
        });
        imageIds.set(image.position, row.id);
      }
      await tx.finding.deleteMany({ where: { scanId } });
      if (result.findings.length > 0) {
        await tx.finding.createMany({
          data: result.findings.map((f) => ({
            scanId,
            imageId: f.imagePosition === null ? null : (imageIds.get(f.imagePosition) ?? null),
            imagePosition: f.imagePosition,
            code: f.code,
            severity: f.severity,
            confidence: f.confidence,
            evidence: f.evidence as Prisma.InputJsonValue,
            ruleId: f.ruleId,
            ruleVersion: f.ruleVersion,
          })),
        });
      }
      await tx.scan.update({
        where: { id: scanId },
        data: { status: 'completed', completedAt: new Date(), errorCode: null, errorMessage: null, ...result.timings },
      });
      if (acting) {
        const subject = { listingId: scan.listingId, marketplace: scan.listing.marketplace, sellerId: scan.listing.sellerId, scanId };
        await applyModeration(tx, subject, acting.effects, { type: 'system', id: 'policy' });
      }
      await appendOutboxEvent(tx, 'scan.completed', {
        scanId,
        listingId: scan.listingId,
        marketplace: scan.listing.marketplace,
        externalId: scan.listing.externalId,
        status: 'completed',
        findingCodes: [...new Set(result.findings.map((f) => f.code))].sort(),
      });
      return { status: 'written' };
    });
  }

  /** A scan that can never succeed (or ran out of attempts) ends as failed, with the reason. */
  async fail(scanId: string, code: string, message: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const updated = await tx.scan.updateManyAndReturn({
        where: { id: scanId, status: { in: ['queued', 'running'] } },
        data: { status: 'failed', completedAt: new Date(), errorCode: code, errorMessage: message.slice(0, 2000) },
        include: { listing: true },
      });
      for (const scan of updated) {
        await appendOutboxEvent(tx, 'scan.completed', {
          scanId,
          listingId: scan.listingId,
          marketplace: scan.listing.marketplace,
          externalId: scan.listing.externalId,
          status: 'failed',
          findingCodes: [],
        });
      }
    });
  }

  /** Scans accepted but not finished for a while: their job may have been lost (e.g. API died before
   * enqueueing). Re-enqueueing with jobId = scanId is harmless when the job still exists. */
  /** Scans still queued or running after `olderThanMs`, with the request id they were ingested under. */
  async findUnfinished(olderThanMs: number, limit = 500): Promise<Array<{ scanId: string; requestId?: string }>> {
    const rows = await this.prisma.scan.findMany({
      where: { status: { in: ['queued', 'running'] }, queuedAt: { lt: new Date(Date.now() - olderThanMs) } },
      select: { id: true, requestId: true },
      orderBy: { queuedAt: 'asc' },
      take: limit,
    });
    return rows.map((r) => (r.requestId ? { scanId: r.id, requestId: r.requestId } : { scanId: r.id }));
  }

  /**
   * The seller a scan was made for (its snapshot's), which is not always the listing's seller now: a
   * listing ingested again under another sellerId keeps its older scans, made for the seller before.
   */
  async sellerOf(scanId: string): Promise<string | null> {
    const rows = await this.prisma.$queryRaw<Array<{ sellerId: string | null }>>`SELECT snapshot->>'sellerId' AS "sellerId" FROM scans WHERE id = ${scanId}::uuid`;
    return rows[0]?.sellerId ?? null;
  }

  async view(scanId: string): Promise<ScanView | null> {
    const scan = await this.prisma.scan.findUnique({
      where: { id: scanId },
      include: {
        images: { orderBy: { position: 'asc' }, omit: { inlineData: true } },
        findings: { orderBy: [{ imagePosition: 'asc' }, { code: 'asc' }, { createdAt: 'asc' }] },
      },
    });
    if (!scan) return null;
    return {
      scanId: scan.id,
      listingId: scan.listingId,
      listingVersion: scan.listingVersion,
      status: scan.status,
      queuedAt: scan.queuedAt.toISOString(),
      startedAt: scan.startedAt?.toISOString() ?? null,
      completedAt: scan.completedAt?.toISOString() ?? null,
      error: scan.errorCode ? { code: scan.errorCode, message: scan.errorMessage ?? '' } : null,
      images: scan.images.map((image) => ({
        position: image.position,
        sha256: image.sha256,
        format: image.format,
        width: image.width,
        height: image.height,
        pdq: image.pdq,
        pdqQuality: image.pdqQuality,
        evidenceKept: image.evidenceSha256 !== null,
        error: image.errorCode
          ? { code: image.errorCode as ImageErrorCode, message: image.errorMessage ?? '', ...(image.errorDetector ? { detector: image.errorDetector } : {}) }
          : null,
      })),
      findings: scan.findings.map(findingViewFromRow),
    };
  }
}

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2025';
}
