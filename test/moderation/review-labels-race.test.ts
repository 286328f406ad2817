import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListingRepository, PolicyRepository, PrismaService, ReviewRepository, SqlPool } from '@listinglens/data-access';
import { ReviewDecisionService } from '../../apps/api/src/review/review-decision.service';
import { PolicyGroundsService } from '../../apps/api/src/review/policy-grounds.service';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * A reviewer's decision is worked out from the listing's labels as read before the write. A scan (or
 * another reviewer) labelling the listing in between must not make the decision apply that label a
 * second time: the write re-reads the labels under the label lock, refuses, and the service decides
 * again from the labels now.
 */
describe('a review decision whose listing is labelled meanwhile', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  let pool: SqlPool;
  let listings: ListingRepository;
  let reviews: ReviewRepository;
  const LABEL = 'misleading-price';
  const REVIEWER = 'key-reviewer';

  beforeAll(async () => {
    db = await createTestDatabase('review_labels_race');
    prisma = new PrismaService(db.url, 4);
    pool = new SqlPool(db.url, 2);
    listings = new ListingRepository(prisma, pool);
    reviews = new ReviewRepository(prisma);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  });

  /** A listing with an open review item, claimed by the reviewer. */
  async function claimedItem(externalId: string): Promise<{ listingId: string; itemId: string }> {
    const { listingId } = await listings.ingest({
      marketplace: 'race',
      externalId,
      sellerId: 'seller-1',
      title: 'Vase',
      price: { amount: '5', currency: 'EUR' },
      images: [{ kind: 'url', url: `https://cdn.example.com/${externalId}.png` }],
    });
    const [{ id: itemId }] = await db.query<{ id: string }>(
      `INSERT INTO review_items (id, "listingId", marketplace, "sellerId", "severityRank", severity, codes, "ruleIds", "policyVersion")
       VALUES (gen_random_uuid(), $1, 'race', 'seller-1', 3, 'high', ARRAY['price.mismatch'], ARRAY['default.high-severity.review'], 0) RETURNING id`,
      [listingId],
    );
    await reviews.claim(itemId, REVIEWER, 60_000);
    return { listingId, itemId };
  }
  const labelMeanwhile = (listingId: string) =>
    db.query(`INSERT INTO listing_labels (id, "listingId", label, source, "appliedBy") VALUES (gen_random_uuid(), $1, $2, 'policy', 'policy')`, [listingId, LABEL]);
  const count = async (sql: string, listingId: string) => Number((await db.query<{ n: string }>(sql, [listingId]))[0].n);

  it('the repository writes nothing when the labels are no longer the ones decided from', async () => {
    const { listingId, itemId } = await claimedItem('stale-labels');
    const ctx = await reviews.decisionContext(itemId);
    await labelMeanwhile(listingId);
    const effects = { review: null, labelsToApply: [{ label: LABEL, ruleId: null, policyVersion: 0 }], labelsToRemove: [], notices: [], audit: [] };
    const written = await reviews.decide(itemId, REVIEWER, { decision: 'relabel', note: 'n', final: true }, effects, ctx?.labels ?? []);
    expect(written).toEqual({ status: 'labels_changed' });
    expect(await count(`SELECT count(*) AS n FROM listing_labels WHERE "listingId" = $1`, listingId)).toBe(1);
    expect((await reviews.get(itemId))?.status).toBe('claimed');
  });

  it('the service decides again from the labels now: the label is not applied twice, no notice for it', async () => {
    const { listingId, itemId } = await claimedItem('decided-again');
    const racing = Object.create(reviews) as ReviewRepository;
    let first = true;
    racing.decisionContext = async (id) => {
      const ctx = await reviews.decisionContext(id);
      if (first) await labelMeanwhile(listingId);
      first = false;
      return ctx;
    };
    const service = new ReviewDecisionService(racing, new PolicyGroundsService(new PolicyRepository(prisma)));
    const { item } = await service.decide(itemId, { decision: 'relabel', note: 'label it', labels: { apply: [LABEL], remove: [] } }, REVIEWER);

    expect(item.status).toBe('decided');
    expect(await count(`SELECT count(*) AS n FROM listing_labels WHERE "listingId" = $1 AND "removedAt" IS NULL`, listingId)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM notices WHERE "listingId" = $1`, listingId)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE "listingId" = $1 AND action = 'review.relabel'`, listingId)).toBe(1);
  });
});
