import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import type { Finding } from '@listinglens/contracts';
import { ListingRepository, PolicyRepository, PrismaService, ScanRepository, SqlPool } from '@listinglens/data-access';
import type { Scanner } from '@listinglens/scanner';
import { WorkerMetrics } from '../../apps/worker/src/metrics/worker-metrics';
import { ScanJobService } from '../../apps/worker/src/scan-job.service';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * The policy decides a scan's actions from the listing's labels, read before the write's transaction.
 * A reviewer (or another scan) labelling the listing in between must not get a second label.applied
 * and a notice about a label the listing already had: the write re-reads the labels under the label
 * lock, refuses, and the worker decides again.
 */
describe('a scan whose listing is labelled while its results are written', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  let pool: SqlPool;
  let listings: ListingRepository;
  let scans: ScanRepository;

  beforeAll(async () => {
    db = await createTestDatabase('scan_labels_race');
    prisma = new PrismaService(db.url, 4);
    pool = new SqlPool(db.url, 2);
    listings = new ListingRepository(prisma, pool);
    scans = new ScanRepository(prisma);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  });

  const LABEL = 'ai-generated-image'; // the default policy's label for ai.undisclosed

  async function ingestRunning(externalId: string): Promise<{ listingId: string; scanId: string }> {
    const { listingId, scanId } = await listings.ingest({
      marketplace: 'race',
      externalId,
      sellerId: 'seller-1',
      title: 'Vase',
      price: { amount: '5', currency: 'EUR' },
      aiDisclosure: false,
      images: [{ kind: 'url', url: `https://cdn.example.com/${externalId}.png` }],
    });
    expect(await scans.start(scanId)).not.toBeNull();
    return { listingId, scanId };
  }

  const undisclosedAi: Finding = {
    code: 'ai.undisclosed',
    severity: 'medium',
    confidence: 0.95,
    imagePosition: 0,
    evidence: {} as Finding['evidence'],
    ruleId: 'ai.undisclosed',
    ruleVersion: 1,
  };
  const outcome = {
    images: [{ position: 0, sha256: 'a'.repeat(64), format: 'png' as const, width: 8, height: 8, byteSize: 100, phash: '0123456789abcdef', error: null }],
    findings: [undisclosedAi],
    timings: { loadMs: 1, detectMs: 1, totalMs: 2 },
    breakdown: { ocrMs: 0, detectorMs: {} },
  };

  const reviewerLabels = (listingId: string) =>
    db.query(`INSERT INTO listing_labels (id, "listingId", label, source, "appliedBy") VALUES (gen_random_uuid(), $1, $2, 'reviewer', 'key-reviewer')`, [listingId, LABEL]);

  const count = async (sql: string, listingId: string) => Number((await db.query<{ n: string }>(sql, [listingId]))[0].n);

  it('the worker decides again from the labels now: no second label, no policy notice', async () => {
    const { listingId, scanId } = await ingestRunning('reviewed-meanwhile');
    // The reviewer's label lands just after the worker read the labels it decides from.
    const racing = Object.create(scans) as ScanRepository;
    racing.activeLabels = async (id) => {
      const read = await scans.activeLabels(id);
      await reviewerLabels(id);
      return read;
    };
    const scanner = { pipeline: { scan: async () => outcome } } as unknown as Scanner;
    const policies = { active: async () => ({ live: null, shadow: null }) } as unknown as PolicyRepository;
    const service = new ScanJobService(racing, policies, scanner, new WorkerMetrics());

    expect(await service.run(scanId)).toBe('completed');

    expect(await db.query(`SELECT label, source FROM listing_labels WHERE "listingId" = $1 AND "removedAt" IS NULL`, [listingId])).toEqual([{ label: LABEL, source: 'reviewer' }]);
    expect(await count(`SELECT count(*) AS n FROM notices WHERE "listingId" = $1`, listingId)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE "listingId" = $1 AND action = 'label.applied'`, listingId)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM outbox_events WHERE type = 'listing.labeled' AND payload->>'listingId' = $1`, listingId)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM findings f JOIN scans s ON s.id = f."scanId" WHERE s."listingId" = $1`, listingId)).toBe(1);
  });

  it('a label committed while the write waits for the label lock is seen: nothing is written', async () => {
    const { listingId, scanId } = await ingestRunning('locked-meanwhile');
    const reviewer = new Client({ connectionString: db.url });
    await reviewer.connect();
    try {
      // A reviewer's decision in progress: it holds the listing's label lock and has added the label.
      await reviewer.query('BEGIN');
      await reviewer.query(`SELECT pg_advisory_xact_lock(hashtext('listing-labels:' || $1))`, [listingId]);
      await reviewer.query(`INSERT INTO listing_labels (id, "listingId", label, source, "appliedBy") VALUES (gen_random_uuid(), $1, $2, 'reviewer', 'key-reviewer')`, [listingId, LABEL]);
      const effects = { review: null, labelsToApply: [{ label: LABEL, ruleId: 'default.ai-undisclosed.label', policyVersion: 0 }], labelsToRemove: [], notices: [], audit: [] };
      const writing = scans.complete(scanId, outcome, { effects, decidedFromLabels: [] });
      await waitForAdvisoryLockWaiter();
      await reviewer.query('COMMIT');

      expect(await writing).toEqual({ status: 'labels_changed', activeLabels: [LABEL] });
      expect((await db.query<{ status: string }>('SELECT status::text AS status FROM scans WHERE id = $1', [scanId]))[0].status).toBe('running');
      expect(await count(`SELECT count(*) AS n FROM findings f JOIN scans s ON s.id = f."scanId" WHERE s."listingId" = $1`, listingId)).toBe(0);
    } finally {
      await reviewer.end();
    }
  });

  async function waitForAdvisoryLockWaiter(): Promise<void> {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      const [row] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
      if (Number(row.n) > 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the scan write never waited for the label lock');
  }
});
