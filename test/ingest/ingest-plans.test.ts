import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListingRepository, PrismaService, SqlPool } from '@listinglens/data-access';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * The ingest statements are named, so each connection caches one generic plan. Planned while the
 * tables were small and had no statistics (autovacuum is off here), it used to read listings by seq
 * scan, and kept doing so as the table grew: ingest slowed by 10×. This plans on a young table, grows
 * it, and checks the cached plan still looks listings up by index.
 */
describe('ingest statement plans', () => {
  let db: TestDatabase;
  let pool: SqlPool;
  let listings: ListingRepository;

  beforeAll(async () => {
    db = await createTestDatabase('ingest_plans');
    pool = new SqlPool(db.url, 1); // one connection: the one whose plans we inspect
    listings = new ListingRepository(null as unknown as PrismaService, pool);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const listing = (externalId: string) => ({
    marketplace: 'plans',
    externalId,
    sellerId: 's1',
    title: 'Bowl',
    price: { amount: '9.90', currency: 'EUR' },
    images: [{ kind: 'url' as const, url: `https://cdn.example.com/${externalId}.jpg` }],
  });

  it('keeps index lookups in the cached plans after the table grows', async () => {
    // Past the plan cache's five custom plans, on a young table: one at a time (single-listing
    // statement), then six at once (two go alone, the other four share the batch statement).
    for (let i = 0; i < 8; i++) await listings.ingest(listing(`one-${i}`));
    for (let i = 0; i < 8; i++) await Promise.all([0, 1, 2, 3, 4, 5].map((j) => listings.ingest(listing(`batch-${i}-${j}`))));
    await db.query(`
      INSERT INTO listings (id, marketplace, "externalId", "sellerId", title, "priceAmount", "priceCurrency", "contentHash", version, "updatedAt")
      SELECT gen_random_uuid(), 'plans', 'bulk-' || g, 's2', 'Bowl', 1, 'EUR', 'h', 1, now() FROM generate_series(1, 50000) g`);

    const one = await explain(`EXECUTE listinglens_ingest_one(gen_random_uuid(), 'plans', 'one-1', 's1', 'Bowl', NULL, 9.90, 'EUR', NULL,
      'h', gen_random_uuid(), '{}', NULL, ARRAY['url'], ARRAY['https://cdn.example.com/x.jpg'], ARRAY[NULL])`);
    const batch = await explain(`EXECUTE listinglens_ingest_batch(ARRAY[gen_random_uuid()], ARRAY['plans'], ARRAY['batch-1-1'], ARRAY['s1'],
      ARRAY['Bowl'], ARRAY[NULL], ARRAY[9.90], ARRAY['EUR'], ARRAY[NULL::boolean], ARRAY['h'], ARRAY[gen_random_uuid()], ARRAY['{}'::jsonb],
      ARRAY[NULL], ARRAY[]::uuid[], ARRAY[]::int[], ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::text[])`);
    for (const plan of [one, batch]) {
      expect(plan).toMatch(/Index Scan using "?listings_marketplace_externalId_key"? on listings/);
      expect(plan).not.toMatch(/Seq Scan on listings/);
    }
  });

  async function explain(execute: string): Promise<string> {
    // Inside a transaction that rolls back: EXPLAIN ANALYZE would really insert.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${execute}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }
});

